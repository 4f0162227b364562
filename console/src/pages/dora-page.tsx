import { ErrorText } from '../components/error-text';
import { MetricTile } from '../components/metric-tile';
import { api, MetricsQuery } from '../lib/api';
import { isoDate } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';

/** DORA for one project: pick the project by name, then the window and the report. */
export function DoraPage({ project, query }: { project?: string; query: URLSearchParams }) {
  const projects = useAsync(() => api.projects(), []);
  return (
    <>
      <h1>DORA</h1>
      <ErrorText error={projects.error} />
      <nav class="tabs" aria-label="Projects">
        {projects.data?.length === 0 ? <span>No project yet: map a connection to a project on the Projects page.</span> : null}
        {projects.data?.map(({ name }) => (
          <a key={name} href={href(['dora', name])} aria-current={name === project ? 'page' : undefined}>
            {name}
          </a>
        ))}
      </nav>
      {project ? <ProjectMetrics project={project} query={queryOf(query)} /> : <p>Choose a project.</p>}
    </>
  );
}

function queryOf(params: URLSearchParams): MetricsQuery {
  return { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, report: params.get('report') ?? undefined };
}

/** `to` is a whole day: the API's window includes both ends at instant precision. */
function apiQuery(query: MetricsQuery): MetricsQuery {
  return { ...query, to: query.to ? `${query.to}T23:59:59.999Z` : undefined };
}

function ProjectMetrics({ project, query }: { project: string; query: MetricsQuery }) {
  const dora = useAsync(() => api.dora(project, apiQuery(query)), [project, query.from, query.to, query.report]);
  const issues = useAsync(() => api.issueMetrics(project, apiQuery(query)), [project, query.from, query.to]);
  const refresh = () => {
    dora.reload();
    issues.reload();
  };
  const change = (patch: MetricsQuery) => navigate(href(['dora', project], { ...query, ...patch }));
  const shown = dora.data;
  return (
    <>
      <h2>{project}</h2>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label for="window-from">From</label>
        <input id="window-from" type="date" value={query.from ?? (shown ? isoDate(shown.from) : '')} onChange={(event) => change({ from: event.currentTarget.value })} />
        <label for="window-to">To</label>
        <input id="window-to" type="date" value={query.to ?? (shown ? isoDate(shown.to) : '')} onChange={(event) => change({ to: event.currentTarget.value })} />
        <label for="report">Report</label>
        <select id="report" value={query.report ?? shown?.report ?? '2023'} onChange={(event) => change({ report: event.currentTarget.value })}>
          <option value="2023">2023</option>
          <option value="2021">2021</option>
        </select>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </form>
      <p class="muted" role="status">
        {dora.loading ? 'Loading…' : shown ? `Window ${shown.from} to ${shown.to}, report ${shown.report}.` : ''}
      </p>
      <div class="metrics-layout">
        <section aria-labelledby="dora-heading">
          <h2 id="dora-heading">DORA metrics</h2>
          <ErrorText error={dora.error} />
          <div class="tiles">
            {shown ? Object.values(shown.metrics).map((metric) => <MetricTile key={metric.metric} metric={metric} withLevel />) : null}
          </div>
        </section>
        <section aria-labelledby="issues-heading" class="side">
          <h2 id="issues-heading">Issue metrics</h2>
          <ErrorText error={issues.error} />
          <div class="tiles tiles-narrow">
            {issues.data ? Object.values(issues.data.metrics).map((metric) => <MetricTile key={metric.metric} metric={metric} withLevel={false} />) : null}
          </div>
        </section>
      </div>
    </>
  );
}
