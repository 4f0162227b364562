import { randomInt } from 'crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { AppConfig, ConfigError } from './app-config';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const SECRET_FILE_NAME = '.encryption_secret';

export interface ResolvedSecret {
  secret: string;
  /** Set when the secret was generated now; the caller logs it (never the secret itself). */
  generatedAt?: string;
}

/**
 * `ENCRYPTION_SECRET` when set. On SQLite without it, the secret kept beside the database file,
 * generated on first start (mode 0600). MySQL without it is a configuration error: keys hashed
 * with a throwaway secret would stop working on the next start.
 */
export function resolveEncryptionSecret(config: AppConfig): ResolvedSecret {
  if (config.encryptionSecret) return { secret: config.encryptionSecret };
  if (config.database.driver !== 'sqlite') {
    throw new ConfigError('ENCRYPTION_SECRET: is required with a MySQL DB_URL (use the value of your DevLake instance)');
  }
  const file = join(dirname(resolve(config.database.path)), SECRET_FILE_NAME);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (!stored) throw new ConfigError(`ENCRYPTION_SECRET: unset and ${file} is empty`);
    return { secret: stored };
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = Array.from({ length: 128 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret, generatedAt: file };
}
