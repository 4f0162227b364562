import { spawn } from 'child_process';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (the server under test may live in this process); in the repository unless `cwd` says. */
export function runProcess(command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The port a listening Nest/HTTP server was given (listen(0)). */
export function portOf(server: { address(): unknown }): number {
  return (server.address() as { port: number }).port;
}
