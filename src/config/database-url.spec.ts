import { DatabaseUrlError, parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('reads a sqlite path', () => {
    expect(parseDatabaseUrl('sqlite:./data/devlake.sqlite')).toEqual({ driver: 'sqlite', path: './data/devlake.sqlite' });
    expect(parseDatabaseUrl('sqlite:///tmp/x.db')).toEqual({ driver: 'sqlite', path: '/tmp/x.db' });
  });

  it("reads DevLake's mysql URL and ignores its query parameters", () => {
    expect(parseDatabaseUrl('mysql://merico:se%40cret@db.local:3307/lake?charset=utf8mb4&parseTime=True&loc=UTC')).toEqual({
      driver: 'mysql',
      host: 'db.local',
      port: 3307,
      username: 'merico',
      password: 'se@cret',
      database: 'lake',
    });
  });

  it('defaults the mysql port to 3306', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1/test')).toMatchObject({ port: 3306, password: '' });
  });

  it.each(['postgres://x@y/z', 'mysql://host-only', 'sqlite:', 'lake.db'])('rejects %s', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError);
  });
});
