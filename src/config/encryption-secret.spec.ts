import { mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, loadConfig } from './app-config';
import { resolveEncryptionSecret, SECRET_FILE_NAME } from './encryption-secret';

describe('resolveEncryptionSecret', () => {
  it('uses ENCRYPTION_SECRET when set', () => {
    expect(resolveEncryptionSecret(loadConfig({ ENCRYPTION_SECRET: 'abc' }))).toEqual({ secret: 'abc' });
  });

  it('generates a 128-character secret beside the SQLite file once, mode 0600, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlw-secret-'));
    const config = loadConfig({ DB_URL: `sqlite:${join(dir, 'nested', 'lake.sqlite')}` });
    const first = resolveEncryptionSecret(config);
    const file = join(dir, 'nested', SECRET_FILE_NAME);
    expect(first.generatedAt).toBe(file);
    expect(first.secret).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(readFileSync(file, 'utf8')).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveEncryptionSecret(config)).toEqual({ secret: first.secret });
  });

  it('refuses to run on MySQL without a secret', () => {
    expect(() => resolveEncryptionSecret(loadConfig({ DB_URL: 'mysql://root@localhost/lake' }))).toThrow(ConfigError);
  });
});
