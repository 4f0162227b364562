import { INestApplication, Logger } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'http';

/**
 * Stops the server without losing an acknowledged write and without waiting for ever on clients
 * that keep their connections alive. `stop()`:
 * 1. takes no new connections (the listening socket closes);
 * 2. marks every response not yet sent, and all later ones, `Connection: close`, and closes idle
 *    keep-alive sockets, so a client's next request goes elsewhere instead of keeping this
 *    process busy;
 * 3. lets requests in flight finish, for at most `drainMs`; then cuts the remaining sockets (those
 *    requests were never answered, so nothing acknowledged is lost);
 * 4. closes the app (the database last) once nothing uses it any more.
 */
export class GracefulStop {
  private readonly logger = new Logger('Shutdown');
  private readonly server: Server;
  private readonly unanswered = new Set<ServerResponse>();
  private stopping = false;

  constructor(
    private readonly app: INestApplication,
    private readonly drainMs: number,
  ) {
    this.server = app.getHttpServer() as Server;
    this.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (this.stopping) return res.setHeader('Connection', 'close');
      this.unanswered.add(res);
      res.once('finish', () => this.unanswered.delete(res));
      res.once('close', () => this.unanswered.delete(res));
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const res of this.unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.unanswered.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // A keep-alive socket that has just finished a response is idle again: close those as they appear.
    const idleSweep = setInterval(() => this.server.closeIdleConnections(), 100);
    let drainTimer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => (drainTimer = setTimeout(() => resolve(false), this.drainMs))),
    ]);
    clearInterval(idleSweep);
    clearTimeout(drainTimer);
    if (!drained) {
      this.logger.warn(`requests still running after ${this.drainMs} ms (SHUTDOWN_DRAIN_MS): closing their connections`);
      this.server.closeAllConnections();
    }
    await this.app.close();
  }
}
