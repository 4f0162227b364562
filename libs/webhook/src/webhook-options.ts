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
  maxBodyBytes?: number;
  maxBatchBodyBytes?: number;
  maxBatchItems?: number;
  rateLimit?: { requestsPerMinute: number };
  auditLog?: { enabled?: boolean; retentionDays?: number };
  /** Directory of the built browser console; default: the build shipped beside the library. */
  consoleAssetsDir?: string;
}

/** The options with every default applied; what the library's providers read. */
export interface ResolvedWebhookOptions {
  adminMounts: string[];
  apiKeyMounts: string[];
  encryptionSecret: string;
  adminCredentials?: { username: string; password: string };
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  maxBatchItems: number;
  rateLimit?: { requestsPerMinute: number };
  auditLog: { enabled: boolean; retentionDays: number };
  consoleAssetsDir: string;
}

export function resolveWebhookOptions(options: WebhookModuleOptions): ResolvedWebhookOptions {
  const secret = options.encryptionSecret?.trim();
  if (!secret) throw new Error('WebhookModule: encryptionSecret is required');
  if ((options.adminUsername === undefined) !== (options.adminPassword === undefined)) {
    throw new Error('WebhookModule: adminUsername and adminPassword must be set together');
  }
  return {
    adminMounts: (options.adminMounts ?? ['']).map(normalizeMount),
    apiKeyMounts: (options.apiKeyMounts ?? ['/rest']).map(normalizeMount),
    encryptionSecret: secret,
    adminCredentials:
      options.adminUsername !== undefined && options.adminPassword !== undefined
        ? { username: options.adminUsername, password: options.adminPassword }
        : undefined,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    maxBatchBodyBytes: options.maxBatchBodyBytes ?? 16_777_216,
    maxBatchItems: options.maxBatchItems ?? 1000,
    rateLimit: options.rateLimit,
    auditLog: { enabled: options.auditLog?.enabled ?? true, retentionDays: options.auditLog?.retentionDays ?? 30 },
    consoleAssetsDir: resolveConsoleAssetsDir(options.consoleAssetsDir),
  };
}

/** `api/rest/` → `/api/rest`; `''` and `/` → `''`. */
function normalizeMount(mount: string): string {
  const trimmed = mount.trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
