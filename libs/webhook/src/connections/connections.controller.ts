import { Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthenticatedRequest } from '../auth/auth-principal';
import { JsonObjectBody } from '../http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { validateDto } from '../common/validation/validate-dto';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ConnectionRef, ConnectionResolver } from './connection-resolver';
import { toApiKeyResponse, toConnectionResponse, toPlainConnectionResponse } from './connection.response';
import { ConnectionsService } from './connections.service';
import { ConnectionNameDto } from './dto/connection-name.dto';

/** Each route serves the by-id and the by-name form alike. */
const BY_ID_OR_NAME = ['connections/by-name/:connectionName', 'connections/:connectionId'];
const withSuffix = (suffix: string) => BY_ID_OR_NAME.map((path) => `${path}/${suffix}`);

/** Connection management (spec api.md §7); admin credentials. */
@WebhookController()
@ApiTags('connections')
export class ConnectionsController {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly connections: ConnectionsService,
    private readonly resolver: ConnectionResolver,
  ) {}

  private get endpointMount(): string {
    return this.options.apiKeyMounts[0] ?? '';
  }

  @Post('connections')
  @HttpCode(200)
  @ApiBody({ type: ConnectionNameDto })
  async create(@JsonObjectBody() body: Record<string, unknown>, @Req() req: AuthenticatedRequest) {
    const { name } = validateDto(ConnectionNameDto, { name: body.name });
    const created = await this.connections.create(name, actorOf(req.principal));
    return toConnectionResponse(created.connection, this.endpointMount, created.key, created.plaintextKey);
  }

  @Get('connections')
  async list() {
    const all = await this.connections.list();
    return all.map(({ connection, key }) => toConnectionResponse(connection, this.endpointMount, key));
  }

  @Get(BY_ID_OR_NAME)
  async get(@Param() ref: ConnectionRef) {
    const { connection, key } = await this.connections.withKey(await this.resolver.resolve(ref));
    return toConnectionResponse(connection, this.endpointMount, key);
  }

  @Patch(BY_ID_OR_NAME)
  @ApiBody({ type: ConnectionNameDto })
  async rename(@Param() ref: ConnectionRef, @JsonObjectBody() body: Record<string, unknown>) {
    this.resolver.parse(ref);
    const { name } = validateDto(ConnectionNameDto, { name: body.name });
    const renamed = await this.connections.rename(await this.resolver.resolve(ref), name);
    return toPlainConnectionResponse(renamed);
  }

  @Delete(BY_ID_OR_NAME)
  async delete(@Param() ref: ConnectionRef, @Query('purge') purge?: string) {
    const parsed = this.resolver.parse(ref);
    // By id, a purge also removes what a connection deleted without purge left behind.
    const connectionId = isTrueFlag(purge) && 'id' in parsed ? parsed.id : (await this.resolver.resolve(ref)).id;
    const purged = await this.connections.delete(connectionId, isTrueFlag(purge));
    return successEnvelope({ connectionId, purged });
  }

  @Put(withSuffix('api-key'))
  @HttpCode(200)
  async rotateKey(@Param() ref: ConnectionRef, @Req() req: AuthenticatedRequest) {
    const connection = await this.resolver.resolve(ref);
    const { key, plaintextKey } = await this.connections.rotateKey(connection.id, actorOf(req.principal));
    return toApiKeyResponse(key, plaintextKey);
  }
}
