import { useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { KeyOnce } from '../components/key-once';
import { api, Connection, describeError } from '../lib/api';
import { useAsync } from '../lib/use-async';
import { ConnectionRow } from './connection-row';

/** A key to show once: after create or rotate. */
export interface FreshKey {
  connectionName: string;
  apiKey: string;
}

export function ConnectionsPage() {
  const list = useAsync(() => api.connections(), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [freshKey, setFreshKey] = useState<FreshKey>();

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await api.createConnection(name);
      setName('');
      if (created.apiKey?.apiKey) setFreshKey({ connectionName: created.name, apiKey: created.apiKey.apiKey });
      list.reload();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <>
      <h1>Connections</h1>
      <p class="muted">Each connection has its own API key and its own endpoints for your CI/CD and incident tools.</p>
      {freshKey ? <KeyOnce {...freshKey} onDismiss={() => setFreshKey(undefined)} /> : null}
      <form class="inline-form" onSubmit={create}>
        <label for="connection-name">Name</label>
        <input id="connection-name" value={name} required maxLength={100} onInput={(event) => setName(event.currentTarget.value)} />
        <button type="submit">Create</button>
      </form>
      <ErrorText error={error} />
      <ErrorText error={list.error} />
      <ConnectionTable connections={list.data} onChanged={list.reload} onKey={setFreshKey} />
    </>
  );
}

function ConnectionTable({ connections, onChanged, onKey }: { connections?: Connection[]; onChanged: () => void; onKey: (key: FreshKey) => void }) {
  if (!connections) return <p aria-busy="true">Loading…</p>;
  if (connections.length === 0) return <p>No connection yet: create one above.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="offscreen">Connections</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">ID</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <ConnectionRow key={connection.id} connection={connection} onChanged={onChanged} onKey={onKey} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
