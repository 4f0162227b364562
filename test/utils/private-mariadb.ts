import { ChildProcess, spawn, spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as mysql from 'mysql2/promise';

/**
 * A throwaway mariadbd of the test's own, on its own port and data directory, so a fault test can
 * kill and restart "the database" without touching the shared server other suites use.
 */
export class PrivateMariaDb {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'dlw-mariadb-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/lake`;
  }

  static isAvailable(): boolean {
    return spawnSync('mariadb-install-db', ['--version']).status === 0;
  }

  async install(): Promise<void> {
    const result = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${join(this.dir, 'data')}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`mariadb-install-db failed: ${result.stderr}`);
    await this.start();
    const connection = await this.connect();
    await connection.query('CREATE DATABASE lake CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await connection.end();
  }

  async start(): Promise<void> {
    this.process = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        '--user=root',
        '--innodb-flush-log-at-trx-commit=1',
      ],
      { stdio: 'ignore' },
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const connection = await this.connect();
        await connection.end();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`private mariadbd on port ${this.port} did not start`);
  }

  /** Abrupt loss of the database: SIGKILL, no shutdown. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A database that hangs instead of failing: SIGSTOP (connections stay open, nothing answers). */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  async destroy(): Promise<void> {
    this.thaw();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  connect(database?: string): Promise<mysql.Connection> {
    return mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database, timezone: 'Z' });
  }
}
