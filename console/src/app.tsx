import { ConnectionPage } from './pages/connection-page';
import { ConnectionsPage } from './pages/connections-page';
import { DoraPage } from './pages/dora-page';
import { ProjectsPage } from './pages/projects-page';
import { href, Route, useRoute } from './lib/router';

const SECTIONS = [
  { key: 'connections', label: 'Connections' },
  { key: 'projects', label: 'Projects' },
  { key: 'dora', label: 'DORA' },
];

export function App() {
  const route = useRoute();
  const section = route.segments[0] ?? 'connections';
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">devlake-webhook</span>
        <nav aria-label="Sections">
          {SECTIONS.map(({ key, label }) => (
            <a key={key} href={href([key])} aria-current={section === key ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

/** The router owns the hash, so the skip link moves focus itself. */
function skipToMain(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route }: { route: Route }) {
  const [section, id, tab] = route.segments;
  switch (section) {
    case 'projects':
      return <ProjectsPage />;
    case 'dora':
      return <DoraPage project={id} query={route.query} />;
    case 'connections':
      if (id && /^\d+$/.test(id)) return <ConnectionPage id={Number(id)} tab={tab === 'requests' ? 'requests' : 'setup'} />;
      return <ConnectionsPage />;
    default:
      return <ConnectionsPage />;
  }
}
