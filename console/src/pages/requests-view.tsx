import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { api, AuditRow, describeError } from '../lib/api';

const PAGE_SIZE = 50;

/** The connection's latest ingestion requests, newest first, paged with `beforeId`. */
export function RequestsView({ connectionId }: { connectionId: number }) {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [complete, setComplete] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [rejectedOnly, setRejectedOnly] = useState(false);

  const load = async (beforeId?: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.requests(connectionId, beforeId, PAGE_SIZE);
      setRows((previous) => (beforeId ? [...previous, ...page] : page));
      setComplete(page.length < PAGE_SIZE);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), [connectionId]);

  const shown = rejectedOnly ? rows.filter((row) => row.outcome === 'rejected') : rows;
  return (
    <>
      <h2>Requests</h2>
      <div class="toolbar">
        <label>
          <input type="checkbox" checked={rejectedOnly} onChange={(event) => setRejectedOnly(event.currentTarget.checked)} />
          Rejected only
        </label>
        <button type="button" onClick={() => load()} disabled={loading}>
          Refresh
        </button>
      </div>
      <ErrorText error={error} />
      <p class="muted" role="status">
        {loading ? 'Loading…' : `${shown.length} of ${rows.length} loaded requests shown${complete ? ' (no older requests)' : ''}.`}
      </p>
      <ul class="requests">
        {shown.map((row) => (
          <RequestItem key={row.id} row={row} />
        ))}
      </ul>
      {!complete && rows.length > 0 ? (
        <button type="button" onClick={() => load(rows[rows.length - 1].id)} disabled={loading}>
          Load older requests
        </button>
      ) : null}
    </>
  );
}

function RequestItem({ row }: { row: AuditRow }) {
  const rejected = row.outcome === 'rejected';
  return (
    <li class={`request ${rejected ? 'request-rejected' : ''}`} data-request-id={row.id}>
      <div class="request-line">
        <span class={`status ${rejected ? 'status-bad' : 'status-ok'}`}>{row.status}</span>
        <span class="outcome">{row.outcome}</span>
        <code class="path">
          {row.method} {row.path}
        </code>
        <time dateTime={row.createdAt}>{new Date(row.createdAt).toLocaleString()}</time>
        <span class="muted">{row.durationMs} ms</span>
      </div>
      {row.causes && row.causes.length > 0 ? (
        <ul class="causes" aria-label="Causes">
          {row.causes.map((cause) => (
            <li key={cause}>{cause}</li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>Stored body{row.bodyTruncated ? ' (truncated)' : ''}</summary>
        <pre>
          <code>{prettyBody(row.body)}</code>
        </pre>
        {row.headers ? (
          <pre>
            <code>{Object.entries(row.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}</code>
          </pre>
        ) : null}
      </details>
    </li>
  );
}

function prettyBody(body: string | null): string {
  if (!body) return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
