import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { requireLiveConnection } from '../connections/live-connection';
import { BatchReport, isItemDatabaseError, ItemSuccess, ItemWriteFailure } from '../common/batch';
import { BatchItemResult, JsonObject } from '../common/body/parse-json-body';
import { classifyDatabaseError, WebhookException } from '../common/errors';
import type { IngestionHandler, IngestionPlan } from './ingestion-runner';
import { DerivedDataWrites } from './derived-data-writes';
import { runPlannedBatch, WriteItemsOneByOne } from './planned-batch';
import { WriteQueue } from './write-queue';

/** Where a group is written: a connection, or the project connection known to exist (spec api.md §12). */
export type GroupTarget = { connection: WebhookConnectionEntity } | { projectName: string; connection: WebhookConnectionEntity };

type Outcome<TData> = TData | WebhookException;

export interface GroupWritesDeps {
  /** Transactions that also update the written projects' derived data. */
  writes: DerivedDataWrites;
  /** How long a transaction may take (TransactionRunner.deadlineMs): a queued request waits at most that and 1 s. */
  transactionDeadlineMs: number;
  maxBatchItems: number;
  /** One plan in its own transaction, as the single route writes it (a too-long value is its 400). */
  writeOne<TPlan extends IngestionPlan, TData extends object>(handler: IngestionHandler<TPlan, TData>, connection: WebhookConnectionEntity, plan: TPlan): Promise<TData>;
}

/**
 * Several plans of one connection written in one transaction by the handler's `writeMany`: a
 * batch's valid items, or the single requests grouped by a WriteQueue. Each plan gets what the
 * single route would answer; the derived data is updated once, in that transaction. When the plans
 * cannot go together (WriteItemsOneByOne, or a value too long for an older column, which only a
 * write of its own can blame on its request) each is written alone instead.
 */
export class GroupWrites {
  private readonly queues = new WeakMap<object, WriteQueue<{ connection: WebhookConnectionEntity; plan: unknown }, unknown>>();

  constructor(private readonly deps: GroupWritesDeps) {}

  /** A single request, written with the others of its connection that wait at the same time. */
  single<TPlan extends IngestionPlan, TData extends object>(handler: IngestionHandler<TPlan, TData>, connection: WebhookConnectionEntity, plan: TPlan): Promise<TData> {
    let queue = this.queues.get(handler);
    if (!queue) {
      queue = new WriteQueue(async (_key, entries, deadlineMs) => {
        const plans = entries.map((entry) => entry.plan as TPlan);
        const target = { connection: entries[0].connection };
        return this.writeOrFallBack(handler, target.connection, plans, () => this.together(handler, target, plans, deadlineMs));
      }, this.deps.transactionDeadlineMs);
      this.queues.set(handler, queue);
    }
    return queue.submit(String(connection.id), { connection, plan }) as Promise<TData>;
  }

  /** A batch (spec api.md §13) of a connection, or of a project connection that already exists. */
  async batch<TPlan extends IngestionPlan, TData extends { outcome: ItemSuccess['outcome'] }>(
    handler: IngestionHandler<TPlan, TData>,
    target: GroupTarget,
    items: BatchItemResult[],
  ): Promise<BatchReport> {
    const plan = (body: JsonObject) => handler.plan(body, target.connection.id);
    return runPlannedBatch(items, this.deps.maxBatchItems, plan, async (plans) => {
      const outcomes = await this.together(handler, target, plans).catch(async (error: unknown) => {
        // One item the database refuses: the others are written, each in a transaction of its own.
        if (!isItemDatabaseError(error)) throw error;
        const alone: Outcome<TData>[] = [];
        for (const plan of plans) alone.push(await this.deps.writeOne(handler, target.connection, plan).catch(asOwnOutcome));
        return alone;
      });
      return outcomes.map((outcome) => (outcome instanceof WebhookException ? outcome : asItem(target, outcome)));
    });
  }

  private async writeOrFallBack<TPlan extends IngestionPlan, TData extends object>(
    handler: IngestionHandler<TPlan, TData>,
    connection: WebhookConnectionEntity,
    plans: TPlan[],
    write: () => Promise<Outcome<TData>[]>,
  ): Promise<(TData | Error)[]> {
    try {
      return await write();
    } catch (error) {
      if (!mustWriteAlone(error) && !isItemDatabaseError(error)) throw error;
      const outcomes: (TData | Error)[] = [];
      for (const plan of plans) outcomes.push(await this.deps.writeOne(handler, connection, plan).catch((failure: Error) => failure));
      return outcomes;
    }
  }

  private together<TPlan extends IngestionPlan, TData extends object>(
    handler: IngestionHandler<TPlan, TData>,
    target: GroupTarget,
    plans: TPlan[],
    deadlineMs?: number,
  ): Promise<Outcome<TData>[]> {
    const writeMany = handler.writeMany as NonNullable<typeof handler.writeMany>;
    const options = { locks: plans.flatMap((plan) => handler.locks?.(plan) ?? []), deadlineMs };
    const work = async (manager: EntityManager, connection: WebhookConnectionEntity) => {
      if (connection.id !== target.connection.id) throw new WriteItemsOneByOne('project connection replaced');
      await requireLiveConnection(manager, connection.id, handler.connectionLock);
      return writeMany({ manager, connection, now: new Date() }, plans);
    };
    if (!('projectName' in target)) return this.deps.writes.onConnection(target.connection, (manager) => work(manager, target.connection), options);
    return this.deps.writes.onProjectConnection(target.projectName, work, options);
  }
}

/** What one plan written alone ends in: its client error, or its ItemWriteFailure; anything else fails the batch. */
function asOwnOutcome(error: unknown): WebhookException {
  if (error instanceof WebhookException && error.status < 500) return error;
  if (isItemDatabaseError(error)) return new ItemWriteFailure(error);
  throw error;
}

/** Written one plan per transaction instead of together. */
export function mustWriteAlone(error: unknown): boolean {
  return error instanceof WriteItemsOneByOne || classifyDatabaseError(error) === 'too-long';
}

function asItem<TData extends { outcome: ItemSuccess['outcome'] }>(target: GroupTarget, data: TData): ItemSuccess {
  return { outcome: data.outcome, data: 'projectName' in target ? { ...data, projectName: target.projectName } : data };
}
