import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as mysql from 'mysql2/promise';

/** Shared plumbing of the benchmark scripts: a fresh MariaDB database and the built server. */
export const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
export const SECRET = 'bench-secret';

export async function freshDatabase(name: string): Promise<void> {
  const admin = await mysql.createConnection(MYSQL);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = await mysql.createConnection(MYSQL);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}

export class BuiltServer {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly database: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child!.pid!;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        DB_URL: `mysql://root@127.0.0.1:3306/${this.database}`,
        ENCRYPTION_SECRET: SECRET,
        PORT: String(this.port),
        LOG_LEVEL: 'error',
        ...this.extraEnv,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${this.baseUrl}/health`)).status === 200) return;
      } catch {
        // starting
      }
      await sleep(100);
    }
    throw new Error('server did not start');
  }

  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  }

  /**
   * CPU time the server process has used so far (user + system), in ms. Unlike throughput, it
   * hardly moves when other processes compete for the cores.
   */
  cpuMs(): number {
    // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux); the command name may hold spaces.
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  stop(): void {
    this.child?.kill('SIGKILL');
  }
}

export async function createConnection(server: BuiltServer, name: string): Promise<{ id: number; key: string }> {
  const res = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: JSON.stringify({ name }) });
  const body = await res.json();
  return { id: body.id, key: body.apiKey.apiKey };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const FIRST_FINISH_MS = Date.UTC(2024, 5, 1, 10, 5);
let finished = 0;

/**
 * Finish times one second apart, increasing over the whole run (HTTP and raw phases alike), as CI
 * reports deployments when they end. With one shared finish time every chain would be a single
 * tie, ordered by id, that each insert lands in the middle of: not a stream seen in practice.
 */
export function nextFinish(): Date {
  finished += 1;
  return new Date(FIRST_FINISH_MS + finished * 1000);
}

export function repoUrlOf(n: number): string {
  return `https://github.com/acme/repo-${n % 50}`;
}

export function deploymentPayload(n: number, prefix: string): Record<string, unknown> {
  const finishedAt = nextFinish();
  return {
    id: `${prefix}-${n}`,
    startedDate: new Date(finishedAt.getTime() - 300_000).toISOString(),
    finishedDate: finishedAt.toISOString(),
    deploymentCommits: [{ repoUrl: repoUrlOf(n), commitSha: `sha${n}` }],
  };
}
