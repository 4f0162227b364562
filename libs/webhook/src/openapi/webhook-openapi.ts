import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEYS_PATH, PLUGIN_PATH } from '../http/webhook-request';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WebhookModule } from '../webhook.module';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ADMIN_SCHEME, API_KEY_SCHEME } from './api-docs.decorators';

/** Adds the library's two security schemes (Bearer API key, Basic admin) to a host's builder. */
export function addWebhookSecuritySchemes(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'DevLake API key', description: 'The API key of the connection (ingestion routes of that connection only).' }, API_KEY_SCHEME)
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'ADMIN_USERNAME / ADMIN_PASSWORD (every route; no check when unset).' }, ADMIN_SCHEME);
}

/**
 * The library's routes as an OpenAPI 3 document, at the paths clients call: ingestion routes under
 * the first API-key mount, the others under the first admin mount (every route is also served on
 * every other mount).
 */
export function createWebhookOpenApiDocument(app: INestApplication, builder: DocumentBuilder = defaultBuilder(app)): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, addWebhookSecuritySchemes(builder).build(), { include: [WebhookModule] });
  return { ...document, paths: mountedPaths(document, optionsOf(app)) };
}

/**
 * Adds the library's routes, schemas and security schemes to a host's own document (built with
 * `SwaggerModule.createDocument`), replacing the unmounted library paths a whole-app scan lists.
 */
export function addWebhookRoutesToDocument(hostDocument: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const library = createWebhookOpenApiDocument(app, new DocumentBuilder());
  const hostPaths = Object.fromEntries(Object.entries(hostDocument.paths).filter(([path]) => !isLibraryPath(path)));
  return {
    ...hostDocument,
    paths: { ...hostPaths, ...library.paths },
    components: {
      ...hostDocument.components,
      schemas: { ...hostDocument.components?.schemas, ...library.components?.schemas },
      securitySchemes: { ...hostDocument.components?.securitySchemes, ...library.components?.securitySchemes },
    },
  };
}

/** Serves the document at `<path>-json` and Swagger UI at `<path>`, its assets from swagger-ui-dist (no CDN). */
export function setupWebhookOpenApi(app: INestApplication, path = 'api/docs'): OpenAPIObject {
  const document = createWebhookOpenApiDocument(app);
  SwaggerModule.setup(path, app, document, {
    jsonDocumentUrl: `${path}-json`,
    yamlDocumentUrl: `${path}-yaml`,
    customSiteTitle: 'devlake-webhook API',
    // No call to the public validator service: the page makes no external request.
    swaggerOptions: { validatorUrl: null },
  });
  return document;
}

function defaultBuilder(app: INestApplication): DocumentBuilder {
  const { apiKeyMounts, adminMounts } = optionsOf(app);
  const list = (mounts: string[]) => mounts.map((mount) => `\`${mount || '/'}\``).join(', ') || 'none';
  return new DocumentBuilder()
    .setTitle('devlake-webhook')
    .setDescription(
      `Apache DevLake-compatible incoming webhooks. API-key mounts: ${list(apiKeyMounts)}; admin mounts: ${list(adminMounts)}. ` +
        'Every body key has a seed (snake_case) and a 1.x (camelCase) spelling, matched in any letter case; errors use one envelope.',
    )
    .setVersion('1');
}

function optionsOf(app: INestApplication): ResolvedWebhookOptions {
  return app.get<ResolvedWebhookOptions>(WEBHOOK_RESOLVED_OPTIONS, { strict: false });
}

type Operation = { security?: Record<string, string[]>[]; parameters?: { name: string; in: string }[] };

function mountedPaths(document: OpenAPIObject, options: ResolvedWebhookOptions): OpenAPIObject['paths'] {
  const adminMount = options.adminMounts[0] ?? options.apiKeyMounts[0] ?? '';
  const apiKeyMount = options.apiKeyMounts[0] ?? adminMount;
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const operations = Object.values(item).filter((op): op is Operation => typeof op === 'object' && op !== null && 'responses' in op);
    const ingestion = operations.some((op) => op.security?.some((requirement) => API_KEY_SCHEME in requirement));
    for (const op of operations) addPathParameters(path, op);
    paths[(ingestion ? apiKeyMount : adminMount) + path] = item;
  }
  return paths;
}

/** Handlers that read their path parameters as one object (`@Param() target`) declare none: every `{name}` gets one. */
function addPathParameters(path: string, op: Operation): void {
  const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
  const missing = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).filter((name) => !declared.has(name));
  const added = missing.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description: PATH_PARAMETERS[name] }));
  op.parameters = [...added, ...(op.parameters ?? [])];
}

const PATH_PARAMETERS: Record<string, string> = {
  connectionId: 'Connection id: decimal digits, 1 to 2^53-1',
  connectionName: 'Connection name, 1–100 characters, case-sensitive',
  projectName: 'DevLake project name: the connection `<projectName>_deployments`, created on first use',
  issueKey: 'Issue key, percent-encoded',
};

function isLibraryPath(path: string): boolean {
  return [PLUGIN_PATH, API_KEYS_PATH].some((owned) => path === owned || path.startsWith(`${owned}/`));
}
