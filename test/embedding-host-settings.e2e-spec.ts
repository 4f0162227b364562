import { CanActivate, Controller, ExecutionContext, Injectable, Module, Post, Body, UnauthorizedException, Type, INestApplication } from '@nestjs/common';
import { NestApplicationOptions } from '@nestjs/common/interfaces/nest-application-options.interface';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import express from 'express';
import request from 'supertest';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { WebhookExceptionFilter, WebhookModule, WebhookModuleOptions } from '@app/webhook';
import { buildDataSourceOptions, DatabaseTarget } from '../src/config';
import { createEmptyDatabase, dropDatabase, testDrivers } from './utils/test-databases';

/** The host's own auth: `x-host-admin: yes` admits, no header → 401, another value → 403. */
@Injectable()
class HeaderAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const value = context.switchToHttp().getRequest().headers['x-host-admin'];
    if (value === undefined) throw new UnauthorizedException('x-host-admin header required');
    return value === 'yes';
  }
}

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: unknown) {
    return { received: body };
  }
}

function hostModule(database: DatabaseTarget, options: Partial<WebhookModuleOptions>): Type {
  @Module({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => buildDataSourceOptions(database),
        dataSourceFactory: async (dsOptions?: DataSourceOptions) => {
          const dataSource = await createDomainDataSource(dsOptions!).initialize();
          await dataSource.runMigrations();
          return dataSource;
        },
      }),
      WebhookModule.forRoot({ encryptionSecret: 'host-secret', adminMounts: ['/admin'], apiKeyMounts: ['/hooks'], ...options }),
    ],
    controllers: [EchoController],
    providers: [HeaderAdminGuard],
  })
  class HostModule {}
  return HostModule;
}

const FORM = 'application/x-www-form-urlencoded';
const ADMIN_OK = { 'x-host-admin': 'yes' };
/** A seed-document incident, as `curl -d` sends it (form content type, JSON bytes). */
const INCIDENT = '{"issue_key":"INC-7","title":"checkout is down","type":"INCIDENT","status":"IN_PROGRESS","created_date":"2024-06-01T10:10:00Z"}';

/** An issue whose description makes the body about `bytes` long. */
function issueBody(key: string, bytes: number): string {
  return JSON.stringify({ issue_key: key, title: 'big', type: 'BUG', status: 'TODO', created_date: '2024-06-01T10:10:00Z', description: 'x'.repeat(bytes) });
}

const HOST_SETTINGS: [string, NestApplicationOptions][] = [
  ['default options (body parsers on)', {}],
  ['rawBody: true', { rawBody: true }],
  ['bodyParser: false', { bodyParser: false }],
];

describe.each(testDrivers())('the library in a host with its own settings on %s', (driver) => {
  describe.each(HOST_SETTINGS)('NestFactory.create with %s', (_label, settings) => {
    let database: DatabaseTarget;
    let app: INestApplication;
    let http: ReturnType<INestApplication['getHttpServer']>;

    beforeAll(async () => {
      database = await createEmptyDatabase(driver, 'host_settings');
      app = await NestFactory.create(hostModule(database, { adminGuard: HeaderAdminGuard }), { ...settings, logger: false });
      await app.init();
      http = app.getHttpServer();
    });
    afterAll(async () => {
      await app.close();
      await dropDatabase(database);
    });

    it('guards the admin side with the host guard: 401 without the header, 403 with another value', async () => {
      const missing = await request(http).post('/admin/plugins/webhook/connections').type(FORM).send('{"name":"x"}').expect(401);
      expect(missing.body).toEqual({ code: 401, success: false, message: 'x-host-admin header required', causes: [], data: null });
      const refused = await request(http).post('/admin/plugins/webhook/connections').set('x-host-admin', 'no').type(FORM).send('{"name":"x"}').expect(403);
      expect(refused.body.success).toBe(false);
      const basic = await request(http).get('/admin/plugins/webhook/connections').auth('admin', 'pw').expect(401);
      expect(basic.body.code).toBe(401);
      expect(await app.get(DataSource).query('SELECT COUNT(*) AS n FROM _tool_webhook_connections')).toEqual([{ n: 0 }]);
    });

    it('takes seed curls (form content type) and JSON bodies as the standalone server does, with its own limits', async () => {
      const created = await request(http).post('/admin/plugins/webhook/connections').set(ADMIN_OK).type(FORM).send('{"name":"ci"}').expect(200);
      const key = created.body.apiKey.apiKey;
      const hooks = `/hooks/plugins/webhook/connections/${created.body.id}`;
      const post = (body: string, type: string) => request(http).post(`${hooks}/issues`).set('Authorization', `Bearer ${key}`).set('Content-Type', type).send(body);

      expect((await post(INCIDENT, FORM).expect(200)).body.data).toMatchObject({ issueId: `webhook:${created.body.id}:INC-7`, outcome: 'created' });
      await post(issueBody('BUG-1', 100), 'application/json').expect(200);
      await post(issueBody('BIG-200K', 200_000), FORM).expect(200);
      const tooLarge = await post(issueBody('BIG-2M', 2_000_000), 'application/json').expect(413);
      expect(tooLarge.body).toMatchObject({ code: 413, success: false, data: null });
      const broken = await post('{"issue_key": ', 'application/json').expect(400);
      expect(broken.body).toMatchObject({ code: 400, message: 'request body is not valid JSON (400)' });

      const issues = await app.get(DataSource).query('SELECT issue_key, LENGTH(description) AS len FROM issues ORDER BY issue_key');
      expect(issues.map((r: { issue_key: string; len: number }) => [r.issue_key, Number(r.len)])).toEqual([
        ['BIG-200K', 200_000],
        ['BUG-1', 100],
        ['INC-7', 0],
      ]);
    });

    it("leaves the host's own routes to the host's parsers", async () => {
      const res = await request(http).post('/echo').send({ a: 1 });
      if (settings.bodyParser === false) expect(res.body).toEqual({});
      else expect(res.body).toEqual({ received: { a: 1 } });
    });
  });

  it("answers a host parser's errors with the envelope (413, 400) when the host installs the filter globally", async () => {
    const database = await createEmptyDatabase(driver, 'host_parser');
    const app = await NestFactory.create(hostModule(database, {}), { logger: false });
    app.useGlobalFilters(new WebhookExceptionFilter());
    await app.init();
    try {
      const tooLarge = await request(app.getHttpServer()).post('/echo').type('json').send(JSON.stringify({ pad: 'x'.repeat(200_000) })).expect(413);
      expect(tooLarge.body).toEqual({ code: 413, success: false, message: 'request body too large (413)', causes: [], data: null });
      const broken = await request(app.getHttpServer()).post('/echo').type('json').send('{"a":').expect(400);
      expect(broken.body).toMatchObject({ code: 400, success: false, message: 'request body is not valid JSON (400)' });
    } finally {
      await app.close();
      await dropDatabase(database);
    }
  });

  it('refuses to start, naming the fix, when a parser was put on Express before Nest created the app', async () => {
    const database = await createEmptyDatabase(driver, 'host_early_parser');
    const server = express();
    server.use(express.json());
    const app = await NestFactory.create(hostModule(database, {}), new ExpressAdapter(server), { logger: false });
    try {
      await expect(app.init()).rejects.toThrow(/^WebhookModule: a body parser runs before the module could shield its routes; .*bodyParser: false/);
    } finally {
      await app.close();
      await dropDatabase(database);
    }
  });
});
