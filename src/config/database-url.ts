/** Where the data lives, parsed from `DB_URL`. */
export type DatabaseTarget =
  | { driver: 'sqlite'; path: string }
  | { driver: 'mysql'; host: string; port: number; username: string; password: string; database: string };

export class DatabaseUrlError extends Error {}

/**
 * Accepts `sqlite:<path>` (also `sqlite://<path>`) and `mysql://user:pass@host:port/db`.
 * DevLake-style query parameters (`charset`, `parseTime`, `loc`) are accepted and ignored:
 * connections always run in UTC.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const value = url.trim();
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new DatabaseUrlError('sqlite URL needs a file path, e.g. sqlite:./data/devlake.sqlite');
    return { driver: 'sqlite', path };
  }
  if (/^(mysql|mariadb):\/\//i.test(value)) return parseMysqlUrl(value);
  throw new DatabaseUrlError('must start with sqlite: or mysql://');
}

function parseMysqlUrl(value: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(value.replace(/^mariadb:/i, 'mysql:'));
  } catch {
    throw new DatabaseUrlError('is not a valid mysql:// URL');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname) throw new DatabaseUrlError('mysql URL needs a host');
  if (!database || database.includes('/')) throw new DatabaseUrlError('mysql URL needs a database name, e.g. mysql://root@127.0.0.1:3306/lake');
  const port = parsed.port ? Number(parsed.port) : 3306;
  return {
    driver: 'mysql',
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}
