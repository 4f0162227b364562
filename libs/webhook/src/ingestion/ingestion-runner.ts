import { Inject, Injectable } from '@nestjs/common';
import { DoraRefreshService } from '@app/dora';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { projectConnectionName } from '../connections/connection-params';
import { ConnectionResolver } from '../connections/connection-resolver';
import { ConnectionsRepository } from '../connections/connections.repository';
import { ConnectionRowLock, requireLiveConnection } from '../connections/live-connection';
import { ProjectsService } from '../projects/projects.service';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { asItemFailure, BatchReport, ItemSuccess, runBatch } from '../common/batch';
import { BatchItemResult, JsonObject } from '../common/body/parse-json-body';
import { TransactionOptions, TransactionRunner } from '../common/database';
import { classifyDatabaseError, driverErrorMessage, WebhookErrorCode, WebhookException } from '../common/errors';
import { RequestTarget } from './ingestion-target';
import { DerivedDataWrites } from './derived-data-writes';
import { DerivedDataCatchUp } from './derived-data-catch-up';
import { GroupTarget, GroupWrites, mustWriteAlone } from './group-writes';
import { DryRunRows, RowRecorder } from '../common/database/row-recorder';

/** `<c>` of `webhook:<c>`: the connection id, or `?` while a project connection does not exist yet. */
export type ConnectionKey = number | '?';

export interface IngestionPlan {
  /** Request path of the field stored in `column`, to name it when a pre-existing column is too narrow. */
  fieldOfColumn?(column: string): string | undefined;
}

export interface WriteContext {
  manager: EntityManager;
  connection: WebhookConnectionEntity;
  now: Date;
}

/** One ingestion endpoint as the runner drives it. */
export interface IngestionHandler<TPlan extends IngestionPlan, TData extends object> {
  /** Decodes and validates a body for connection `key`, every cause at once (400); no database access. */
  plan(body: JsonObject, key: ConnectionKey): TPlan;
  /** The lock a write takes on its connection's row (requireLiveConnection): exclusive where the write serializes on it. */
  connectionLock?: ConnectionRowLock;
  /** Named locks (MySQL) the write of the plan needs, taken before its transaction (see requireLocks). */
  locks?(plan: TPlan): string[];
  /** Writes the plan inside the request's transaction and returns the response `data`. */
  write(context: WriteContext, plan: TPlan): Promise<TData>;
  /**
   * Writes several plans of one connection in one transaction (a batch's valid items, or single
   * requests grouped by GroupWrites), as `write` would one after the other, with the data or the
   * client error (409…) of each; may throw WriteItemsOneByOne.
   */
  writeMany?(context: WriteContext, plans: TPlan[]): Promise<(TData | WebhookException)[]>;
}

export type IngestionData<TData> = TData & { projectName?: string; dryRun?: true; rows?: DryRunRows };

type Scope = { connection: WebhookConnectionEntity } | { projectName: string };

/** The project connection a dry-run batch created in its (rolled back) transaction. */
interface PreviewState {
  createdConnectionId?: number;
}

class DryRunRollback extends Error {
  constructor(readonly result: unknown) {
    super('dry run rolled back');
  }
}

/**
 * Runs ingestion requests the same way for every endpoint (spec api.md §5.3, §12, §13): resolves
 * the connection (404) or the project connection, validates, writes in one transaction that also
 * records the change for the derived DORA rows of the connection's projects (DerivedDataWrites). A handler
 * that can write several plans together (writeMany) gets a batch's valid items, and the single
 * requests of a connection that arrive while one of its writes is in progress, written per group
 * (GroupWrites); otherwise one transaction per request or batch item. A dry run writes in a
 * transaction that is rolled back after reading the rows back, each batch item in a savepoint so
 * later items see earlier ones.
 */
@Injectable()
export class IngestionRunner {
  private readonly groups: GroupWrites;
  private readonly writes: DerivedDataWrites;

  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly resolver: ConnectionResolver,
    private readonly connections: ConnectionsRepository,
    private readonly projects: ProjectsService,
    private readonly transactions: TransactionRunner,
    derivedData: DoraRefreshService,
    catchUp: DerivedDataCatchUp,
  ) {
    this.writes = new DerivedDataWrites(transactions, projects, derivedData, catchUp);
    this.groups = new GroupWrites({
      writes: this.writes,
      transactionDeadlineMs: transactions.deadlineMs,
      maxBatchItems: options.maxBatchItems,
      writeOne: (handler, connection, plan) =>
        this.writes.onConnection(connection, (manager) => this.write(handler, { manager, connection, now: new Date() }, plan), { locks: handler.locks?.(plan) }),
    });
  }

  async single<TPlan extends IngestionPlan, TData extends object>(
    target: RequestTarget,
    body: JsonObject,
    dryRun: boolean,
    handler: IngestionHandler<TPlan, TData>,
  ): Promise<IngestionData<TData>> {
    const scope = await this.scopeOf(target);
    if (!dryRun && handler.writeMany && 'connection' in scope) {
      return this.groups.single(handler, scope.connection, handler.plan(body, scope.connection.id));
    }
    if (!dryRun) return this.commit(scope, body, handler);
    return this.rolledBack((manager) => this.preview(manager, scope, body, handler, {}), this.locksOf(handler, [body], scope));
  }

  async batch<TPlan extends IngestionPlan, TData extends { outcome: ItemSuccess['outcome'] }>(
    target: RequestTarget,
    items: BatchItemResult[],
    dryRun: boolean,
    handler: IngestionHandler<TPlan, TData>,
  ): Promise<BatchReport> {
    const scope = await this.scopeOf(target);
    const max = this.options.maxBatchItems;
    // A project connection still to create is written item by item, as spec api.md §12 describes the first call.
    const group = dryRun || !handler.writeMany ? undefined : await this.groupTarget(scope);
    if (group) {
      try {
        return await this.groups.batch(handler, group, items);
      } catch (error) {
        if (!mustWriteAlone(error)) throw error;
      }
    }
    if (!dryRun) return runBatch(items, max, async (body) => asItem(await this.commit(scope, body, handler).catch(asItemFailure)));
    const bodies = items.flatMap((item) => (item.ok ? [item.value] : []));
    return this.rolledBack((manager) => {
      const state: PreviewState = {};
      return runBatch(items, max, (body) =>
        manager.transaction(async (savepoint) => asItem(await this.preview(savepoint, scope, body, handler, state))),
      );
    }, this.locksOf(handler, bodies, scope));
  }

  private async groupTarget(scope: Scope): Promise<GroupTarget | undefined> {
    if ('connection' in scope) return scope;
    const connection = await this.connections.findRecentByName(projectConnectionName(scope.projectName));
    return connection ? { projectName: scope.projectName, connection } : undefined;
  }

  /** The named locks of every body that plans (the others are rejected before any write). */
  private locksOf<TPlan extends IngestionPlan>(handler: IngestionHandler<TPlan, object>, bodies: JsonObject[], scope: Scope): TransactionOptions {
    if (!handler.locks) return {};
    const key = 'connection' in scope ? scope.connection.id : '?';
    return {
      locks: bodies.flatMap((body) => {
        try {
          return (handler.locks as NonNullable<typeof handler.locks>)(handler.plan(body, key));
        } catch {
          return [];
        }
      }),
    };
  }

  private async scopeOf(target: RequestTarget): Promise<Scope> {
    const parsed = target.parsed.target;
    if (parsed && 'projectName' in parsed) return { projectName: parsed.projectName };
    return { connection: await this.resolver.resolveTarget(target) };
  }

  private async commit<TPlan extends IngestionPlan, TData extends object>(
    scope: Scope,
    body: JsonObject,
    handler: IngestionHandler<TPlan, TData>,
  ): Promise<IngestionData<TData>> {
    if ('connection' in scope) {
      const plan = handler.plan(body, scope.connection.id);
      const work = (manager: EntityManager) => this.write(handler, { manager, connection: scope.connection, now: new Date() }, plan);
      return this.writes.onConnection(scope.connection, work, { locks: handler.locks?.(plan) });
    }
    const existing = await this.connections.findRecentByName(projectConnectionName(scope.projectName));
    const plan = handler.plan(body, existing?.id ?? '?');
    const data = await this.writes.onProjectConnection(
      scope.projectName,
      (manager, connection) => {
        const finalPlan = connection.id === existing?.id ? plan : handler.plan(body, connection.id);
        return this.write(handler, { manager, connection, now: new Date() }, finalPlan);
      },
      { locks: handler.locks?.(plan) },
    );
    return { ...data, projectName: scope.projectName };
  }

  private async preview<TPlan extends IngestionPlan, TData extends object>(
    manager: EntityManager,
    scope: Scope,
    body: JsonObject,
    handler: IngestionHandler<TPlan, TData>,
    state: PreviewState,
  ): Promise<IngestionData<TData>> {
    const recorder = RowRecorder.listen(manager);
    const now = new Date();
    if ('connection' in scope) {
      const data = await this.write(handler, { manager, connection: scope.connection, now }, handler.plan(body, scope.connection.id));
      return { ...data, dryRun: true, rows: await recorder.read(manager) };
    }
    const existing = await this.connections.findByName(projectConnectionName(scope.projectName), manager);
    const isNew = !existing || existing.id === state.createdConnectionId;
    handler.plan(body, isNew ? '?' : existing.id);
    const connection = await this.projects.ensureProjectConnection(manager, scope.projectName, now);
    if (!existing) state.createdConnectionId = connection.id;
    const data = await this.write(handler, { manager, connection, now }, handler.plan(body, connection.id));
    const result = { ...data, projectName: scope.projectName, dryRun: true as const, rows: await recorder.read(manager) };
    return isNew ? hideConnectionId(result, connection.id) : result;
  }

  /** A value too long for a narrower column of a pre-existing DevLake table is the client's mistake (spec schema.md §1). */
  private async write<TPlan extends IngestionPlan, TData extends object>(
    handler: IngestionHandler<TPlan, TData>,
    context: WriteContext,
    plan: TPlan,
  ): Promise<TData> {
    try {
      await requireLiveConnection(context.manager, context.connection.id, handler.connectionLock);
      return await handler.write(context, plan);
    } catch (error) {
      if (classifyDatabaseError(error) !== 'too-long') throw error;
      const column = /column '([^']+)'/i.exec(driverErrorMessage(error))?.[1] ?? 'body';
      const path = plan.fieldOfColumn?.(column) ?? column;
      throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: [`${path}: too long for the existing database column`] });
    }
  }

  private async rolledBack<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions): Promise<T> {
    try {
      await this.transactions.run(async (manager) => {
        throw new DryRunRollback(await work(manager));
      }, options);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      throw error;
    }
    throw new Error('a dry run must end in a rollback');
  }
}

function asItem<TData extends { outcome: ItemSuccess['outcome'] }>(data: TData): ItemSuccess {
  return { outcome: data.outcome, data };
}

/**
 * The preview of a project connection that does not exist yet: `connectionId` null and `?` in
 * place of the id the rolled-back insert happened to get (spec api.md §13).
 */
function hideConnectionId<T extends object>(data: T, connectionId: number): T {
  const id = new RegExp(`webhook:${connectionId}(?![0-9])`, 'g');
  const masked = JSON.parse(JSON.stringify(data), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(id, 'webhook:?') : value,
  );
  masked.connectionId = null;
  for (const row of masked.rows?._tool_webhook_connections ?? []) row.id = null;
  return masked;
}
