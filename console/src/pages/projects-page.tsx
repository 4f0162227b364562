import { useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { api, Connection, describeError, Project } from '../lib/api';
import { href } from '../lib/router';
import { useAsync } from '../lib/use-async';

/** Which connections feed which project's metrics: map and unmap. */
export function ProjectsPage() {
  const state = useAsync(() => Promise.all([api.projects(), api.connections()]), []);
  const [error, setError] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      state.reload();
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  const [projects, connections] = state.data ?? [undefined, undefined];
  return (
    <>
      <h1>Projects</h1>
      <p class="muted">A project's DORA and issue metrics read the data of the connections mapped to it, at once, with no pipeline run.</p>
      <ErrorText error={state.error} />
      {connections ? <MapForm connections={connections} projects={projects ?? []} onMap={(id, project) => act(() => api.mapProject(id, project))} /> : null}
      <ErrorText error={error} />
      {projects && connections ? (
        <ProjectTable projects={projects} connections={connections} onUnmap={(id, project) => act(() => api.unmapProject(id, project))} />
      ) : (
        <p aria-busy="true">Loading…</p>
      )}
    </>
  );
}

function MapForm({ connections, projects, onMap }: { connections: Connection[]; projects: Project[]; onMap: (id: number, project: string) => void }) {
  const [connectionId, setConnectionId] = useState<number>();
  const [project, setProject] = useState('');
  if (connections.length === 0) return <p>Create a connection first.</p>;
  const chosen = connectionId ?? connections[0].id;
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onMap(chosen, project.trim());
      }}
    >
      <label for="map-connection">Connection</label>
      <select id="map-connection" value={chosen} onChange={(event) => setConnectionId(Number(event.currentTarget.value))}>
        {connections.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
          </option>
        ))}
      </select>
      <label for="map-project">Project</label>
      <input id="map-project" list="known-projects" value={project} required maxLength={100} onInput={(event) => setProject(event.currentTarget.value)} />
      <datalist id="known-projects">
        {projects.map((known) => (
          <option key={known.name} value={known.name} />
        ))}
      </datalist>
      <button type="submit">Map</button>
    </form>
  );
}

function ProjectTable({ projects, connections, onUnmap }: { projects: Project[]; connections: Connection[]; onUnmap: (id: number, project: string) => void }) {
  if (projects.length === 0) return <p>No project yet: map a connection to a new project name above.</p>;
  const nameOf = (id: number) => connections.find((connection) => connection.id === id)?.name ?? `connection ${id} (deleted)`;
  return (
    <div class="table-wrap">
      <table>
        <caption class="offscreen">Projects</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Connections</th>
            <th scope="col">Metrics</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.name} data-project={project.name}>
              <th scope="row">{project.name}</th>
              <td>
                {project.connectionIds.length === 0 ? <span class="muted">none</span> : null}
                <ul class="chips">
                  {project.connectionIds.map((id) => (
                    <li key={id}>
                      {nameOf(id)}{' '}
                      <button type="button" class="small" onClick={() => onUnmap(id, project.name)} aria-label={`Unmap ${nameOf(id)} from ${project.name}`}>
                        Unmap
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <a href={href(['dora', project.name])} aria-label={`DORA of ${project.name}`}>
                  DORA
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
