import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { WebhookMetrics, WebhookModule } from '@app/webhook';
import { buildDataSourceOptions, DatabaseTarget } from '../src/config';
import { createEmptyDatabase, dropDatabase, testDrivers } from './utils/test-databases';

@Controller('team-metrics')
class HostOwnController {
  @Get()
  list() {
    return { teams: ['payments'] };
  }
}

/** A console build of the host's own (as a packaged library would point `consoleAssetsDir` at). */
function hostConsoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-host-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<html><head><title>host build</title></head></html>');
  return dir;
}

/** A host backend that owns TypeORM and mounts the library on prefixes of its own. */
function hostModule(database: DatabaseTarget) {
  @Module({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => buildDataSourceOptions(database),
        dataSourceFactory: async (options?: DataSourceOptions) => {
          const dataSource = await createDomainDataSource(options!).initialize();
          await dataSource.runMigrations();
          return dataSource;
        },
      }),
      WebhookModule.forRootAsync({
        useFactory: async () => ({
          encryptionSecret: 'host-secret', adminMounts: ['/admin'], apiKeyMounts: ['/hooks'], consoleAssetsDir: hostConsoleBuild(),
        }),
      }),
    ],
    controllers: [HostOwnController],
  })
  class HostModule {}
  return HostModule;
}

describe.each(testDrivers())('the library embedded in another Nest app on %s', (driver) => {
  let database: DatabaseTarget;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createEmptyDatabase(driver, 'embedding');
    app = await NestFactory.create(hostModule(database), { bodyParser: false, logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await dropDatabase(database);
  });

  it('serves its routes only under the configured mounts, next to the host routes', async () => {
    const created = await request(app.getHttpServer()).post('/admin/plugins/webhook/connections').send('{"name":"ci"}').expect(200);
    expect(created.body.postPipelineDeployTaskEndpoint).toBe(`/hooks/plugins/webhook/connections/${created.body.id}/deployments`);
    await request(app.getHttpServer()).get('/plugins/webhook/connections').expect(404);
    await request(app.getHttpServer()).get('/rest/plugins/webhook/connections').expect(404);
    expect((await request(app.getHttpServer()).get('/team-metrics').expect(200)).body).toEqual({ teams: ['payments'] });

    const key = created.body.apiKey.apiKey;
    const res = await request(app.getHttpServer())
      .post(created.body.postPipelineDeployTaskEndpoint)
      .set('Authorization', `Bearer ${key}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('{"repo_url":"https://github.com/acme/api","commit_sha":"abc","start_time":"2024-06-01T10:00:00Z"}')
      .expect(200);
    expect(res.body.data.deploymentId).toBe(`webhook:${created.body.id}:bc73a8e1292e0db5:abc`);
    const rows = await app.get(DataSource).query('SELECT id, cicd_scope_id FROM cicd_deployments');
    expect(rows).toEqual([{ id: res.body.data.deploymentId, cicd_scope_id: `webhook:${created.body.id}` }]);

    const unauthenticated = await request(app.getHttpServer()).post(created.body.postPipelineDeployTaskEndpoint).send('{}').expect(401);
    expect(unauthenticated.body).toEqual({ code: 401, success: false, message: 'token is missing', causes: [], data: null });
  });

  it('gives the host its metrics registry and request ids without any particular logger; no /metrics route unless asked', async () => {
    const res = await request(app.getHttpServer()).get('/team-metrics').set('x-request-id', 'host-req-1').expect(200);
    expect(res.headers['x-request-id']).toBe('host-req-1');
    await request(app.getHttpServer()).get('/metrics').expect(404);
    const text = await app.get(WebhookMetrics).registry.metrics();
    expect(text).toMatch(/^webhook_http_requests_total\{method="GET",route="\/team-metrics",status="200"\} [1-9]/m);
  });

  it('serves the console from consoleAssetsDir under its admin mount only', async () => {
    const res = await request(app.getHttpServer()).get('/admin/plugins/webhook/console/dora/shop').expect(200);
    expect(res.text).toBe('<html><head><base href="../"><title>host build</title></head></html>');
    await request(app.getHttpServer()).get('/plugins/webhook/console/').expect(404);
    await request(app.getHttpServer()).get('/hooks/plugins/webhook/console/').expect(401);
  });
});
