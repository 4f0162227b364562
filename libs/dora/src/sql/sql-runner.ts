import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DORA_TRANSACTION_RUNNER, DoraTransactionRunner } from '../transaction-runner';
import { Sql } from './sql';
import { dialectFor, SqlDialect } from './sql-dialect';

/** A transaction's handle, opaque to the services. */
export type DbSession = EntityManager;

/** Runs `Sql` pieces on the host's DataSource, or inside a given transaction. */
@Injectable()
export class SqlRunner {
  readonly dialect: SqlDialect;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(DORA_TRANSACTION_RUNNER) private readonly transactions?: DoraTransactionRunner,
  ) {
    this.dialect = dialectFor(String(dataSource.options.type));
  }

  query<T>(statement: Sql, session?: DbSession): Promise<T[]> {
    const target = session ?? this.dataSource;
    return target.query(statement.text, [...statement.params]);
  }

  /** A statement that returns no rows, in a transaction; the number of rows it changed. */
  async execute(statement: Sql, session: DbSession): Promise<number> {
    const runner = session.queryRunner;
    if (!runner) throw new Error('execute needs a transaction');
    const result = await runner.query(statement.text, [...statement.params], true);
    return result.affected ?? 0;
  }

  /** Which of these tables exist: those DevLake's plugins own (commits, PR comments…) exist only in a shared database. */
  async tablesPresent(names: readonly string[], session?: DbSession): Promise<Set<string>> {
    const rows = await this.query<{ name: unknown }>(this.dialect.tablesNamed(names), session);
    return new Set(rows.map((row) => String(row.name)));
  }

  transaction<T>(work: (session: DbSession) => Promise<T>): Promise<T> {
    return this.transactions ? this.transactions.run(work) : this.dataSource.transaction(work);
  }
}
