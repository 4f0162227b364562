import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { supportsRowLocks } from './upsert-rows';

/**
 * MySQL: locks the connection's row until the transaction ends, so the writes of one connection
 * run one after the other (SQLite already queues every transaction). Reads made after the lock see
 * what the previous writer committed, and first posts on one connection cannot deadlock on gap locks.
 */
export async function lockConnectionRow(manager: EntityManager, connectionId: number): Promise<void> {
  if (!supportsRowLocks(manager)) return;
  await manager
    .createQueryBuilder(WebhookConnectionEntity, 'connection')
    .select('connection.id')
    .where('connection.id = :connectionId', { connectionId })
    .setLock('pessimistic_write')
    .getRawOne();
}
