import { CopyButton } from '../components/copy-button';
import { ErrorText } from '../components/error-text';
import { api, Connection } from '../lib/api';
import { href } from '../lib/router';
import { buildSnippets, endpointsOf } from '../lib/snippets';
import { useAsync } from '../lib/use-async';
import { RequestsView } from './requests-view';

/** One connection: its endpoints and snippets ("Setup"), or its request log ("Requests"). */
export function ConnectionPage({ id, tab }: { id: number; tab: 'setup' | 'requests' }) {
  const connection = useAsync(() => api.connection(id), [id]);
  if (connection.error) return <ErrorText error={connection.error} />;
  if (!connection.data) return <p aria-busy="true">Loading…</p>;
  const { name } = connection.data;
  return (
    <>
      <p>
        <a href={href(['connections'])}>← All connections</a>
      </p>
      <h1>{name}</h1>
      <nav class="tabs" aria-label={`${name} views`}>
        <a href={href(['connections', id])} aria-current={tab === 'setup' ? 'page' : undefined}>
          Setup
        </a>
        <a href={href(['connections', id, 'requests'])} aria-current={tab === 'requests' ? 'page' : undefined}>
          Requests
        </a>
      </nav>
      {tab === 'setup' ? <Setup connection={connection.data} /> : <RequestsView connectionId={id} />}
    </>
  );
}

function Setup({ connection }: { connection: Connection }) {
  const origin = location.origin;
  return (
    <>
      <h2>Endpoints</h2>
      <p class="muted">
        Every call needs <code>Authorization: Bearer &lt;API key&gt;</code>. The key is shown once, when the connection is created or
        its key is rotated.
      </p>
      <dl class="endpoints">
        {endpointsOf(origin, connection).map((endpoint) => (
          <div key={endpoint.label}>
            <dt>{endpoint.label}</dt>
            <dd>
              <code>POST {endpoint.url}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h2>Snippets</h2>
      {buildSnippets(origin, connection).map((snippet) => (
        <section class="snippet" key={snippet.id} aria-labelledby={`snippet-${snippet.id}`}>
          <h3 id={`snippet-${snippet.id}`}>{snippet.title}</h3>
          <pre>
            <code data-snippet={snippet.id}>{snippet.code}</code>
          </pre>
          <CopyButton text={snippet.code} label={`Copy ${snippet.title} snippet`} />
        </section>
      ))}
    </>
  );
}
