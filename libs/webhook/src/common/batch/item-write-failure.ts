import { driverErrorCode, WebhookErrorCode, WebhookException } from '../errors';

/** MySQL/MariaDB errors about the values of the rows a write sends (not the server's state). */
const MYSQL_ITEM_CODES = new Set([
  'ER_SIGNAL_EXCEPTION',
  'ER_DUP_ENTRY',
  'ER_DATA_TOO_LONG',
  'ER_BAD_NULL_ERROR',
  'ER_WARN_DATA_OUT_OF_RANGE',
  'ER_TRUNCATED_WRONG_VALUE',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
  'ER_WRONG_VALUE',
  'ER_INVALID_CHARACTER_STRING',
  'ER_CHECK_CONSTRAINT_VIOLATED',
  'ER_CONSTRAINT_FAILED',
  'ER_NO_REFERENCED_ROW',
  'ER_NO_REFERENCED_ROW_2',
  'ER_ROW_IS_REFERENCED',
  'ER_ROW_IS_REFERENCED_2',
]);

/**
 * A database error that one item's rows caused (a constraint, a trigger, a value the column
 * refuses), as opposed to the database being unavailable, busy or out of space: retrying the other
 * items without it can succeed.
 */
export function isItemDatabaseError(error: unknown): boolean {
  if (error instanceof WebhookException) return false;
  const code = driverErrorCode(error);
  if (!code) return false;
  return MYSQL_ITEM_CODES.has(code) || code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG';
}

/** The batch item the database refused: reported on its own (500 with the driver's code), the others written. */
export class ItemWriteFailure extends WebhookException {
  constructor(error: unknown) {
    super(WebhookErrorCode.INTERNAL, { message: 'item not written: the database refused it (500)', causes: [`database: ${driverErrorCode(error)}`] });
  }
}

/** An item's error as the batch report shows it: its own rejection when the database refused the item, else rethrown. */
export function asItemFailure(error: unknown): never {
  throw isItemDatabaseError(error) ? new ItemWriteFailure(error) : error;
}
