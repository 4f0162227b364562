import { Injectable } from '@nestjs/common';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { parseConnectionId, parseConnectionName } from './connection-params';
import { ConnectionsRepository } from './connections.repository';
import { connectionNotFound } from './connections.service';

/** Path parameters naming a connection: by id (forms A, B) or by name (form C). */
export interface ConnectionRef {
  connectionId?: string;
  connectionName?: string;
}

/** Turns a connection reference of the path into the connection row (spec api.md §6), or 400/404. */
@Injectable()
export class ConnectionResolver {
  constructor(private readonly connections: ConnectionsRepository) {}

  /** Validates the path parameter alone (400), without touching the database. */
  parse(ref: ConnectionRef): { id: number } | { name: string } {
    if (ref.connectionId !== undefined) return { id: parseConnectionId(ref.connectionId) };
    if (ref.connectionName !== undefined) return { name: parseConnectionName(ref.connectionName) };
    throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
  }

  async resolve(ref: ConnectionRef, manager?: EntityManager): Promise<WebhookConnectionEntity> {
    const parsed = this.parse(ref);
    if ('id' in parsed) {
      const connection = await this.connections.findById(parsed.id, manager);
      if (!connection) throw connectionNotFound(parsed.id);
      return connection;
    }
    const connection = await this.connections.findByName(parsed.name, manager);
    if (!connection) {
      throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`connectionName: no connection named ${parsed.name}`] });
    }
    return connection;
  }
}
