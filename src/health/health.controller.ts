import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner, writeHealthOf } from '@app/webhook/common/database';
import { MIGRATIONS_TABLE } from '../config/data-source-options';

const PROBE_TIMEOUT_MS = 3000;
/** A row id no migration ever gets (TypeORM numbers them from 1). */
const PROBE_ROW_ID = -1;

/**
 * `GET /health`: 200 when the database takes a write, 503 when it does not. Answering `SELECT 1`
 * is not enough: a full disk, a read-only file or `FLUSH TABLES WITH READ LOCK` leave reads working
 * while every write fails or waits. So the check
 * - commits a tiny write (a row inserted and deleted again in the migrations table: a real commit,
 *   no lasting change) within a deadline, and
 * - reports 503 while the last real commit failed for want of a usable database and none succeeded
 *   since (a tiny probe can still fit where a request's writes do not).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  @Get()
  async check(@Res() res: Response): Promise<void> {
    const up = !writeHealthOf(this.dataSource).failing() && (await this.databaseTakesWrites());
    res
      .status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json(up ? { status: 'ok', database: 'up' } : { status: 'error', database: 'down' });
  }

  private async databaseTakesWrites(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    const probe = this.transactions.run((manager) => this.writeProbeRow(manager), { probe: true }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async writeProbeRow(manager: EntityManager): Promise<void> {
    const table = manager.connection.driver.escape(MIGRATIONS_TABLE);
    await manager.query(`INSERT INTO ${table} (id, timestamp, name) VALUES (?, 0, 'health probe')`, [PROBE_ROW_ID]);
    await manager.query(`DELETE FROM ${table} WHERE id = ?`, [PROBE_ROW_ID]);
  }
}
