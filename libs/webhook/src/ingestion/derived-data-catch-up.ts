import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DoraRefreshService } from '@app/dora';
import { WebhookMetrics } from '../observability/webhook-metrics';

/**
 * How long after a write its recorded derived-data changes wait, so that one application takes
 * those of every write in that span: applied one write at a time, while the same client's next
 * write ran, they made that write about a third slower (npm run bench:scale).
 */
export const CATCH_UP_DELAY_MS = 200;

/** Also look for changes left pending by a stopped process or a failed attempt this often. */
const SWEEP_MS = 30_000;

/**
 * Applies the derived-data changes that ingestion writes record (issue 10) in the background:
 * a run starts CATCH_UP_DELAY_MS after a write that finds none scheduled, one run at a time, and a
 * write that lands during a run gets one more run CATCH_UP_DELAY_MS after it ends. Reads apply
 * what is still pending for their project themselves, so nothing here is needed for a read to see
 * a write.
 */
@Injectable()
export class DerivedDataCatchUp implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DerivedDataCatchUp');
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private runAgain = false;
  private stopped = false;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly derivedData: DoraRefreshService,
    private readonly metrics: WebhookMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
    this.sweep = setInterval(() => this.schedule(), SWEEP_MS);
    this.sweep.unref();
  }

  /** A run within CATCH_UP_DELAY_MS, or one more after the current run. */
  schedule(): void {
    if (this.stopped || this.timer) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, CATCH_UP_DELAY_MS);
  }

  /** Applies everything pending now, without waiting for the delay; resolves when done. */
  async flush(): Promise<void> {
    // A run ending meanwhile may schedule another: cancel timers until none is running.
    for (;;) {
      clearTimeout(this.timer);
      this.timer = undefined;
      if (!this.running) break;
      await this.running;
    }
    if (this.stopped) return;
    this.start();
    while (this.running) await this.running;
  }

  /** Before the database closes: no new run, and the current one finished. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.runAgain = false;
    clearTimeout(this.timer);
    clearInterval(this.sweep);
    while (this.running) await this.running;
  }

  private start(): void {
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.runAgain) {
        this.runAgain = false;
        this.schedule();
      }
    });
  }

  private async run(): Promise<void> {
    let projects: string[];
    try {
      projects = await this.derivedData.projectsWithPending();
    } catch (error) {
      this.logger.error(`cannot list the projects with pending derived-data changes: ${(error as Error).message}`);
      return;
    }
    for (const projectName of projects) {
      if (this.stopped) return;
      const started = process.hrtime.bigint();
      try {
        const applied = await this.derivedData.applyPending(projectName, { proceed: () => !this.stopped });
        if (applied > 0) this.metrics.observeDerivedRefresh(Number(process.hrtime.bigint() - started) / 1e9);
      } catch (error) {
        this.logger.error(`applying the pending changes of project ${projectName} failed, retried by its next read or within ${SWEEP_MS / 1000} s: ${(error as Error).message}`);
      }
    }
  }
}
