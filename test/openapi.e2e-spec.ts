import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { addWebhookRoutesToDocument } from '@app/webhook';
import { createTestApp, TestApp } from './utils/create-test-app';

interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Schema {
  $ref?: string;
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema & { description?: string }>;
  required?: string[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string }> };
}

// The document and the page do not depend on the database: SQLite only.
describe('OpenAPI document (GET /api/docs-json) and Swagger UI (GET /api/docs)', () => {
  let t: TestApp;
  let doc: Document;

  beforeAll(async () => {
    t = await createTestApp('sqlite', 'openapi');
    doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const schemaOf = (ref: string | undefined): Schema => doc.components.schemas[String(ref).replace('#/components/schemas/', '')];
  const bodyForms = (path: string): Schema[] => {
    const schema = doc.paths[path].post.requestBody?.content['application/json'].schema as Schema;
    const one = schema.items ?? schema;
    return (one.oneOf ?? [one]).map((ref) => schemaOf(ref.$ref));
  };

  it('is OpenAPI 3 and lists every route at the path clients call, ingestion on the API-key mount', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const ingestion = ['deployments', 'deployments/batch', 'issues', 'issues/batch', 'pull_requests', 'pull_requests/batch'];
    for (const resource of ingestion) {
      for (const form of ['connections/{connectionId}', '{connectionId}', 'connections/by-name/{connectionName}', 'projects/{projectName}']) {
        expect(doc.paths).toHaveProperty([`/rest/plugins/webhook/${form}/${resource}`, 'post']);
      }
    }
    expect(doc.paths).toHaveProperty(['/rest/plugins/webhook/connections/{connectionId}/issue/close', 'post']);
    expect(doc.paths).toHaveProperty(['/rest/plugins/webhook/connections/{connectionId}/issue/{issueKey}/close', 'post']);
    expect(Object.keys(doc.paths['/plugins/webhook/connections']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/plugins/webhook/connections/{connectionId}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths).toHaveProperty(['/plugins/webhook/connections/{connectionId}/requests', 'get']);
    expect(doc.paths).toHaveProperty(['/plugins/webhook/dora/projects/{projectName}', 'get']);
    expect(doc.paths).toHaveProperty(['/api-keys/{apiKeyId}', 'put']);
    for (const form of ['connections/{connectionId}', '{connectionId}', 'connections/by-name/{connectionName}']) {
      expect(doc.paths).toHaveProperty([`/rest/plugins/webhook/${form}/deployments/last-success`, 'get']);
    }
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/rest/')).length).toBe(33);
  });

  it('names the seed fields in the request schemas, with the 1.x spelling alongside', () => {
    const [single, multi, v1x] = bodyForms('/rest/plugins/webhook/connections/{connectionId}/deployments');
    expect(Object.keys(single.properties ?? {})).toEqual(
      expect.arrayContaining(['pipeline_id', 'start_time', 'end_time', 'create_time', 'result', 'environment', 'repo_url', 'commit_sha', 'ref_name', 'commit_msg', 'repo_id', 'name']),
    );
    expect(single.required).toEqual(expect.arrayContaining(['start_time', 'repo_url', 'commit_sha']));
    expect(single.properties?.start_time.description).toContain('`startedDate`');
    expect(multi.required).toEqual(expect.arrayContaining(['start_time', 'deploymentCommits']));
    expect(schemaOf(multi.properties?.deploymentCommits.items?.$ref).required).toEqual(['repo_url', 'commit_sha']);
    expect(v1x.required).toEqual(expect.arrayContaining(['id', 'start_time', 'deploymentCommits']));

    const [issue] = bodyForms('/rest/plugins/webhook/{connectionId}/issues/batch');
    expect(issue.required).toEqual(['issue_key', 'title', 'status', 'created_date']);
    expect(issue.properties?.issue_key.description).toContain('`issueKey`');
    const [pullRequest] = bodyForms('/rest/plugins/webhook/{connectionId}/pull_requests');
    expect(pullRequest.required).toEqual(['pull_request_key', 'display_title', 'created_date']);
    expect(pullRequest.properties?.display_title.description).toContain('`title`');
    const [close] = bodyForms('/rest/plugins/webhook/{connectionId}/issue/close');
    expect(close.required).toEqual(['issue_key']);
    const [connection] = bodyForms('/plugins/webhook/connections');
    expect(connection.required).toEqual(['name']);
  });

  it('gives the seed payloads as examples', () => {
    const examples = doc.paths['/rest/plugins/webhook/{connectionId}/deployments'].post.requestBody?.content['application/json'].examples ?? {};
    expect(examples.seedSingle.value).toMatchObject({ repo_url: expect.any(String), commit_sha: expect.any(String), start_time: expect.any(String) });
    expect(examples.seedMulti.value).toMatchObject({ deploymentCommits: expect.any(Array) });
  });

  it('declares Bearer for ingestion and Basic for admin, and the error envelope', () => {
    expect(doc.components.securitySchemes).toMatchObject({ apiKey: { type: 'http', scheme: 'bearer' }, admin: { type: 'http', scheme: 'basic' } });
    expect(doc.paths['/rest/plugins/webhook/{connectionId}/deployments'].post.security).toEqual(expect.arrayContaining([{ apiKey: [] }, { admin: [] }]));
    expect(doc.paths['/plugins/webhook/connections'].post.security).toEqual([{ admin: [] }]);
    const bad = doc.paths['/rest/plugins/webhook/{connectionId}/deployments'].post.responses['400'];
    expect(schemaOf(bad.content?.['application/json'].schema.$ref).required).toEqual(['code', 'success', 'message', 'causes', 'data']);
  });

  it('serves the Swagger page with same-origin assets only (works offline)', async () => {
    const page = await request(t.http).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url).toMatch(/^\.?\//);
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    for (const url of urls) {
      const asset = await request(t.http).get(new URL(url, 'http://x/api/docs').pathname);
      expect(asset.status).toBe(200);
    }
    // The document is inline (no fetch); the public validator badge is off.
    const init = await request(t.http).get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"swaggerDoc"');
    expect(init.text).toMatch(/"validatorUrl": null/);
  });

  it('adds the library routes to a host document (addWebhookRoutesToDocument)', () => {
    const host = SwaggerModule.createDocument(t.app, new DocumentBuilder().setTitle('host').build());
    expect(host.paths).toHaveProperty('/plugins/webhook/{connectionId}/deployments');
    const merged = addWebhookRoutesToDocument(host, t.app);
    expect(merged.info.title).toBe('host');
    expect(merged.paths).not.toHaveProperty('/plugins/webhook/{connectionId}/deployments');
    expect(merged.paths).toHaveProperty(['/rest/plugins/webhook/{connectionId}/deployments', 'post']);
    expect(merged.components?.securitySchemes).toHaveProperty('apiKey');
    expect(merged.components?.schemas).toHaveProperty('SeedDeploymentDto');
  });
});
