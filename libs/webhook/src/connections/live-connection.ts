import { EntityManager } from 'typeorm';
import { supportsRowLocks } from '../common/database/row-locks';
import { WebhookErrorCode, WebhookException } from '../common/errors';

export type ConnectionRowLock = 'shared' | 'exclusive';

/**
 * Inside a write's transaction: locks the connection's row (MySQL; SQLite runs one transaction at
 * a time) and answers 404 when the row is gone. A delete or purge takes the row's exclusive lock
 * first, so a write either commits before it (and is purged with the rest) or finds no connection:
 * no row of a purged connection can appear afterwards, whichever process wrote it.
 */
export async function requireLiveConnection(manager: EntityManager, connectionId: number, lock: ConnectionRowLock = 'shared'): Promise<void> {
  const clause = !supportsRowLocks(manager) ? '' : lock === 'exclusive' ? ' FOR UPDATE' : ' LOCK IN SHARE MODE';
  const rows: unknown[] = await manager.query(`SELECT id FROM _tool_webhook_connections WHERE id = ?${clause}`, [connectionId]);
  if (rows.length === 0) throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`connectionId: no connection ${connectionId}`] });
}
