import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DoraRefreshService } from '@app/dora';
import { WebhookMetrics } from '../observability/webhook-metrics';

/** Also look for changes left pending by a stopped process or a failed attempt this often. */
const SWEEP_MS = 30_000;

/**
 * Applies the derived-data changes that ingestion writes record (issue 10) in the background,
 * right after the write's commit: one run at a time, and a write that lands during a run starts
 * one more after it, which takes every change pending by then. Reads apply what is still pending
 * for their project themselves, so nothing here is needed for a read to see a write.
 */
@Injectable()
export class DerivedDataCatchUp implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DerivedDataCatchUp');
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

  /** A run soon, or one more after the current run. */
  schedule(): void {
    if (this.stopped) return;
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

  /** Resolves once no run is in progress or scheduled. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Before the database closes: no new run, and the current one finished. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.runAgain = false;
    clearInterval(this.sweep);
    await this.whenIdle();
  }

  private async run(): Promise<void> {
    // Let the write's answer go out first.
    await new Promise((resolve) => setImmediate(resolve));
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
        const applied = await this.derivedData.applyPending(projectName);
        if (applied > 0) this.metrics.observeDerivedRefresh(Number(process.hrtime.bigint() - started) / 1e9);
      } catch (error) {
        this.logger.error(`applying the pending changes of project ${projectName} failed, retried by its next read or in ${SWEEP_MS / 1000} s: ${(error as Error).message}`);
      }
    }
  }
}
