import { execFile } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, countRows, createConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const run = promisify(execFile);

/** curl as a CI step runs it; exit 22 = an HTTP error whose body was read, 55/56 = connection reset. */
async function curlPost(url: string, key: string, file: string): Promise<{ exit: number; output: string }> {
  const args = ['-sS', '--fail-with-body', '-w', '\n%{http_code}', '-H', `Authorization: Bearer ${key}`, '--data-binary', `@${file}`, url];
  try {
    const { stdout } = await run('curl', args);
    return { exit: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { exit: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe.each(testDrivers())('oversized bodies over real sockets on %s', (driver) => {
  let t: TestApp;
  let base: string;
  let file: string;

  beforeAll(async () => {
    t = await createTestApp(driver, 'body_limit');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    file = join(mkdtempSync(join(tmpdir(), 'dlw-body-limit-')), '4m.json');
    writeFileSync(file, JSON.stringify({ issue_key: 'big', title: 'x'.repeat(4 * 1024 * 1024) }));
  });
  afterAll(() => t.close());

  it('answers every 4 MiB post with a readable 413 envelope, never a connection reset, and writes nothing', async () => {
    const connection = await createConnection(t, 'big-bodies');
    for (let attempt = 0; attempt < 8; attempt++) {
      const { exit, output } = await curlPost(`${base}${API}/connections/${connection.id}/issues`, connection.key, file);
      expect({ attempt, exit }).toEqual({ attempt, exit: 22 });
      expect(output).toContain('"message":"request body too large (413)"');
      expect(output.trim().endsWith('413')).toBe(true);
    }
    expect(await countRows(t, 'issues')).toBe(0);
  });
});
