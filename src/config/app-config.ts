import { DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from './database-url';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Everything the standalone server reads from its environment, validated. */
export interface AppConfig {
  database: DatabaseTarget;
  port: number;
  /** Trimmed; undefined when unset (the SQLite default then generates one, see encryption-secret.ts). */
  encryptionSecret?: string;
  adminUsername?: string;
  adminPassword?: string;
  migrate: boolean;
  logLevel: LogLevel;
  /** `json`: JSON lines; `text`: readable lines; default JSON unless stdout is a TTY (see logging/). */
  logFormat?: 'json' | 'text';
  /** GET /metrics without the admin credentials. */
  metricsPublic: boolean;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  maxBatchItems: number;
  rateLimitPerMinute?: number;
  /** Failed authentications per client address and minute before 429; 0 = off. */
  authFailuresPerMinute: number;
  auditLog: boolean;
  auditLogRetentionDays: number;
  /** After SIGTERM/SIGINT, how long requests in flight may take before their connections are cut. */
  shutdownDrainMs: number;
  /** How long an ingestion transaction may take before it is answered 503. */
  transactionDeadlineMs: number;
}

/** A bad environment value; its message is one line naming the variable. */
export class ConfigError extends Error {}

export const DEFAULT_DB_URL = 'sqlite:./data/devlake.sqlite';

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const adminUsername = optional(env.ADMIN_USERNAME);
  const adminPassword = optional(env.ADMIN_PASSWORD);
  if ((adminUsername === undefined) !== (adminPassword === undefined)) {
    const missing = adminUsername === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD';
    throw new ConfigError(`${missing}: must be set together with ${missing === 'ADMIN_USERNAME' ? 'ADMIN_PASSWORD' : 'ADMIN_USERNAME'}`);
  }
  return {
    database: databaseTarget(env.DB_URL),
    port: integerIn(env, 'PORT', 8080, 0, 65535),
    encryptionSecret: optional(env.ENCRYPTION_SECRET?.trim()),
    adminUsername,
    adminPassword,
    migrate: boolean(env, 'DB_MIGRATE', true),
    logLevel: logLevel(env.LOG_LEVEL),
    logFormat: logFormat(env.LOG_FORMAT),
    metricsPublic: boolean(env, 'METRICS_PUBLIC', false),
    maxBodyBytes: integerIn(env, 'MAX_BODY_BYTES', 1_048_576, 1, 1 << 30),
    maxBatchBodyBytes: integerIn(env, 'MAX_BATCH_BODY_BYTES', 16_777_216, 1, 1 << 30),
    maxBatchItems: integerIn(env, 'MAX_BATCH_ITEMS', 1000, 1, 1_000_000),
    rateLimitPerMinute: optional(env.RATE_LIMIT_PER_MINUTE) === undefined ? undefined : integerIn(env, 'RATE_LIMIT_PER_MINUTE', 0, 1, 1_000_000_000),
    authFailuresPerMinute: integerIn(env, 'AUTH_FAILURES_PER_MINUTE', 20, 0, 1_000_000_000),
    auditLog: boolean(env, 'AUDIT_LOG', true),
    auditLogRetentionDays: integerIn(env, 'AUDIT_LOG_RETENTION_DAYS', 30, 1, 100_000),
    shutdownDrainMs: integerIn(env, 'SHUTDOWN_DRAIN_MS', 10_000, 0, 600_000),
    transactionDeadlineMs: integerIn(env, 'DB_TRANSACTION_DEADLINE_MS', 3000, 100, 600_000),
  };
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function databaseTarget(value: string | undefined): DatabaseTarget {
  try {
    return parseDatabaseUrl(optional(value) ?? DEFAULT_DB_URL);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(`DB_URL: ${error.message}`);
    throw error;
  }
}

function integerIn(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env[name]?.trim());
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name}: "${raw}" is not an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

function boolean(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const raw = optional(env[name]?.trim().toLowerCase());
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name}: "${env[name]}" must be true or false`);
}

function logLevel(value: string | undefined): LogLevel {
  const raw = optional(value?.trim().toLowerCase()) ?? 'info';
  if (raw === 'error' || raw === 'warn' || raw === 'info' || raw === 'debug') return raw;
  throw new ConfigError(`LOG_LEVEL: "${value}" must be one of error, warn, info, debug`);
}

function logFormat(value: string | undefined): 'json' | 'text' | undefined {
  const raw = optional(value?.trim().toLowerCase());
  if (raw === undefined || raw === 'json' || raw === 'text') return raw;
  throw new ConfigError(`LOG_FORMAT: "${value}" must be json or text`);
}
