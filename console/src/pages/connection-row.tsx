import { useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { api, Connection, describeError } from '../lib/api';
import { href } from '../lib/router';
import type { FreshKey } from './connections-page';

type Mode = 'view' | 'rename' | 'rotate' | 'delete';

/** One connection with its rename, rotate-key and delete actions (each asks before acting). */
export function ConnectionRow({ connection, onChanged, onKey }: { connection: Connection; onChanged: () => void; onKey: (key: FreshKey) => void }) {
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
      setMode('view');
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  const rotate = () =>
    run(async () => {
      const key = await api.rotateKey(connection.id);
      if (key.apiKey) onKey({ connectionName: connection.name, apiKey: key.apiKey });
    });

  const rename = (name: string) =>
    run(async () => {
      await api.renameConnection(connection.id, name);
      onChanged();
    });
  const remove = (purge: boolean) =>
    run(async () => {
      await api.deleteConnection(connection.id, purge);
      onChanged();
    });

  return (
    <tr>
      <th scope="row">
        <a href={href(['connections', connection.id])}>{connection.name}</a>
      </th>
      <td>{connection.id}</td>
      <td>{new Date(connection.createdAt).toLocaleString()}</td>
      <td>
        <div class="actions">
          {mode === 'view' ? (
            <>
              <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${connection.name}`}>
                Rename
              </button>
              <button type="button" onClick={() => setMode('rotate')} aria-label={`Rotate key of ${connection.name}`}>
                Rotate key
              </button>
              <button type="button" class="danger" onClick={() => setMode('delete')} aria-label={`Delete ${connection.name}`}>
                Delete
              </button>
            </>
          ) : null}
          {mode === 'rename' ? <RenameForm connection={connection} onCancel={() => setMode('view')} onSave={rename} /> : null}
          {mode === 'rotate' ? (
            <div class="confirm" role="group" aria-label={`Rotate key of ${connection.name}`}>
              <p>The current key stops working at once. Rotate it?</p>
              <button type="button" class="danger" onClick={rotate}>
                Confirm rotate
              </button>
              <button type="button" onClick={() => setMode('view')}>
                Cancel
              </button>
            </div>
          ) : null}
          {mode === 'delete' ? <DeleteForm connection={connection} onCancel={() => setMode('view')} onDelete={remove} /> : null}
        </div>
        <ErrorText error={error} />
      </td>
    </tr>
  );
}

function RenameForm({ connection, onSave, onCancel }: { connection: Connection; onSave: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(connection.name);
  const id = `rename-${connection.id}`;
  return (
    <form class="confirm" onSubmit={(event) => (event.preventDefault(), onSave(name))}>
      <label for={id}>New name</label>
      <input id={id} value={name} required maxLength={100} onInput={(event) => setName(event.currentTarget.value)} />
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** Deleting asks to choose explicitly whether the rows the connection wrote go too. */
function DeleteForm({ connection, onDelete, onCancel }: { connection: Connection; onDelete: (purge: boolean) => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<'keep' | 'purge'>();
  const name = `purge-${connection.id}`;
  return (
    <form class="confirm" onSubmit={(event) => (event.preventDefault(), choice && onDelete(choice === 'purge'))}>
      <fieldset>
        <legend>Delete {connection.name}: what happens to the data it wrote?</legend>
        <label>
          <input type="radio" name={name} value="keep" checked={choice === 'keep'} onChange={() => setChoice('keep')} />
          Keep its deployments, issues and pull requests (projects keep their history)
        </label>
        <label>
          <input type="radio" name={name} value="purge" checked={choice === 'purge'} onChange={() => setChoice('purge')} />
          Purge every row it wrote, and its request log
        </label>
      </fieldset>
      <button type="submit" class="danger" disabled={!choice}>
        Confirm delete
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
