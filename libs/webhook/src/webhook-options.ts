import type { CanActivate, Type } from '@nestjs/common';

/** A host guard for the admin side: a class (resolved from the host's DI, else instantiated) or an instance. */
export type AdminGuard = Type<CanActivate> | CanActivate;
import { resolveConsoleAssetsDir } from './console/console-assets-dir';

/** Options of WebhookModule.forRoot / forRootAsync (spec README, "Library options"). */
export interface WebhookModuleOptions {
  /** Prefixes of the admin side; default `['']`. */
  adminMounts?: string[];
  /** Prefixes of the API-key side; default `['/rest']`. The first builds the endpoint strings. */
  apiKeyMounts?: string[];
  /** HMAC key of API keys (DevLake's ENCRYPTION_SECRET); trimmed. */
  encryptionSecret: string;
  adminUsername?: string;
  adminPassword?: string;
  /**
   * Protects the admin mounts with the host's own guard instead of Basic credentials: `true` admits,
   * `false` → 403, a thrown HttpException keeps its status. API keys are unchanged.
   */
  adminGuard?: AdminGuard;
  maxBodyBytes?: number;
  maxBatchBodyBytes?: number;
  maxBatchItems?: number;
  rateLimit?: { requestsPerMinute: number };
  /** Failed authentications (admin or API key) allowed per client address and minute; 0 = no limit. Default 20. */
  authFailuresPerMinute?: number;
  /**
   * How long an ingestion transaction may take (deadlock retries included) before it is answered
   * 503. Default 3000, so that a database that cannot commit gets a 503 within 5 s; a Galera cluster
   * stalls every commit while it evicts a dead node, so give it more than its failure detection.
   */
  transactionDeadlineMs?: number;
  auditLog?: { enabled?: boolean; retentionDays?: number };
  /**
   * Serve the Prometheus metrics at `path` (GET), behind the admin credentials unless `public`.
   * Off by default: a host may instead read `WebhookMetrics.registry` itself.
   */
  prometheus?: { path?: string; public?: boolean };
  /** Directory of the built browser console; default: the build shipped beside the library. */
  consoleAssetsDir?: string;
}

/** The options with every default applied; what the library's providers read. */
export interface ResolvedWebhookOptions {
  adminMounts: string[];
  apiKeyMounts: string[];
  encryptionSecret: string;
  adminCredentials?: { username: string; password: string };
  adminGuard?: AdminGuard;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  maxBatchItems: number;
  rateLimit?: { requestsPerMinute: number };
  authFailuresPerMinute: number;
  transactionDeadlineMs: number;
  auditLog: { enabled: boolean; retentionDays: number };
  prometheus?: { path: string; public: boolean };
  consoleAssetsDir: string;
}

export function resolveWebhookOptions(options: WebhookModuleOptions): ResolvedWebhookOptions {
  const secret = options.encryptionSecret?.trim();
  if (!secret) throw new Error('WebhookModule: encryptionSecret is required');
  if ((options.adminUsername === undefined) !== (options.adminPassword === undefined)) {
    throw new Error('WebhookModule: adminUsername and adminPassword must be set together');
  }
  if (options.adminGuard && options.adminUsername !== undefined) {
    throw new Error('WebhookModule: set either adminGuard or adminUsername/adminPassword, not both');
  }
  return {
    adminMounts: (options.adminMounts ?? ['']).map(normalizeMount),
    apiKeyMounts: (options.apiKeyMounts ?? ['/rest']).map(normalizeMount),
    encryptionSecret: secret,
    adminCredentials:
      options.adminUsername !== undefined && options.adminPassword !== undefined
        ? { username: options.adminUsername, password: options.adminPassword }
        : undefined,
    adminGuard: options.adminGuard,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    maxBatchBodyBytes: options.maxBatchBodyBytes ?? 16_777_216,
    maxBatchItems: options.maxBatchItems ?? 1000,
    rateLimit: options.rateLimit,
    authFailuresPerMinute: options.authFailuresPerMinute ?? 20,
    transactionDeadlineMs: options.transactionDeadlineMs ?? 3000,
    auditLog: { enabled: options.auditLog?.enabled ?? true, retentionDays: options.auditLog?.retentionDays ?? 30 },
    prometheus: options.prometheus && {
      path: normalizeMount(options.prometheus.path ?? '/metrics') || '/metrics',
      public: options.prometheus.public ?? false,
    },
    consoleAssetsDir: resolveConsoleAssetsDir(options.consoleAssetsDir),
  };
}

/** `api/rest/` → `/api/rest`; `''` and `/` → `''`. */
function normalizeMount(mount: string): string {
  const trimmed = mount.trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
