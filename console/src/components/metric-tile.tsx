import { formatMetricValue, formatSeriesValue, levelClass, levelText, metricTitle, seriesUnitText } from '../lib/format';
import type { MetricResult } from '../lib/metrics-types';
import { BarChart } from './bar-chart';

const SERIES_TITLES: Record<string, string> = { monthly: 'by month', weekly: 'by week', monthlyDeployments: 'deployments by month' };

/** One metric: value and unit, level as colour and words, DevLake's benchmark text, its series charts. */
export function MetricTile({ metric, withLevel }: { metric: MetricResult; withLevel: boolean }) {
  const title = metricTitle(metric.metric);
  const headingId = `metric-${metric.metric}`;
  return (
    <article class="tile" aria-labelledby={headingId} data-metric={metric.metric}>
      <h3 id={headingId}>{title}</h3>
      <p class={metric.value === null ? 'value value-none' : 'value'}>{formatMetricValue(metric)}</p>
      {withLevel ? (
        <p>
          <span class={levelClass(metric.level)} data-level={metric.level ?? 'none'}>
            {levelText(metric.level)}
          </span>
          {metric.label && metric.value !== null ? <span class="muted"> DevLake: {metric.label}</span> : null}
        </p>
      ) : null}
      {metric.benchmark ? <p class="benchmark">Benchmark: {metric.benchmark}</p> : null}
      <div class="charts">
        {Object.entries(metric.series).map(([name, points]) => (
          <BarChart
            key={name}
            title={`${title} ${SERIES_TITLES[name] ?? name} (${seriesUnitText(metric, name)})`}
            points={points}
            format={(value) => formatSeriesValue(value, metric.unit)}
          />
        ))}
      </div>
    </article>
  );
}
