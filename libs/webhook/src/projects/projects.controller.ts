import { Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { parseConnectionId, parseProjectName } from '../connections/connection-params';
import { ConnectionResolver } from '../connections/connection-resolver';
import { ProjectsService } from './projects.service';

/** Project mapping of a connection (spec api.md §7.7) and the project list; admin credentials. */
@WebhookController()
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly resolver: ConnectionResolver,
  ) {}

  /** Not in the spec: every project and its mapped connections, for the console's pickers. */
  @Get('projects')
  async listAll() {
    return successEnvelope(await this.projects.listAll());
  }

  @Get('connections/:connectionId/projects')
  async list(@Param('connectionId') connectionId: string) {
    const connection = await this.resolver.resolve({ connectionId });
    return successEnvelope(await this.projects.listProjects(connection));
  }

  @Put('connections/:connectionId/projects/:projectName')
  @HttpCode(200)
  async map(@Param('connectionId') connectionId: string, @Param('projectName') projectName: string) {
    const { connection, project } = await this.target(connectionId, projectName);
    return successEnvelope(await this.projects.map(connection, project));
  }

  @Delete('connections/:connectionId/projects/:projectName')
  async unmap(@Param('connectionId') connectionId: string, @Param('projectName') projectName: string) {
    const { connection, project } = await this.target(connectionId, projectName);
    return successEnvelope(await this.projects.unmap(connection, project));
  }

  private async target(connectionId: string, projectName: string) {
    parseConnectionId(connectionId);
    const project = parseProjectName(projectName);
    return { connection: await this.resolver.resolve({ connectionId }), project };
  }
}
