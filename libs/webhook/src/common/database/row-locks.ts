import { EntityManager } from 'typeorm';

/** True on MySQL/MariaDB, where locking reads exist (SQLite serializes whole transactions). */
export function supportsRowLocks(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql' || manager.connection.options.type === 'mariadb';
}
