import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { count, createConnection, CreatedConnection } from './utils/webhook-client';

/**
 * Property: whatever malformed payload reaches an ingestion route, the answer is a 4xx envelope
 * (or a 200 batch report rejecting every item), never a 5xx, and no domain row is written — only
 * the request's audit row.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const DOMAIN_TABLES = [
  'cicd_deployments', 'cicd_deployment_commits', 'issues', 'board_issues', 'issue_assignees', 'incidents',
  'incident_assignees', 'pull_requests', 'projects', 'project_mapping',
];

type Payload = Record<string, unknown>;
const VALID: Record<'deployment' | 'deployment1x' | 'issue' | 'pullRequest', Payload> = {
  deployment: { repo_url: 'https://github.com/acme/api', commit_sha: 'abc', start_time: '2024-01-01T00:00:00Z' },
  deployment1x: { id: 'd-1', startedDate: '2024-01-01T00:00:00Z', deploymentCommits: [{ repoUrl: 'r', commitSha: 's' }] },
  issue: { issue_key: 'K-1', title: 't', status: 'TODO', created_date: '2024-01-01' },
  pullRequest: { pull_request_key: 1, title: 't', created_date: '2024-01-01' },
};
const REQUIRED: Record<keyof typeof VALID, string[]> = {
  deployment: ['repo_url', 'commit_sha', 'start_time'],
  deployment1x: ['startedDate', 'deploymentCommits'],
  issue: ['issue_key', 'title', 'status', 'created_date'],
  pullRequest: ['pull_request_key', 'title', 'created_date'],
};
const RESOURCE: Record<keyof typeof VALID, string> = {
  deployment: 'deployments', deployment1x: 'deployments', issue: 'issues', pullRequest: 'pull_requests',
};

const junk = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(''), fc.constant('2024-02-30'),
  fc.constant('yesterday'), fc.string({ minLength: 256, maxLength: 600 }), fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
);

/** A valid payload with one required field broken (removed, or replaced by junk that is never valid for it). */
const brokenPayload = fc
  .record({
    kind: fc.constantFrom(...(Object.keys(VALID) as (keyof typeof VALID)[])),
    fieldIndex: fc.nat(),
    removal: fc.boolean(),
    replacement: junk,
    extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
  })
  .map(({ kind, fieldIndex, removal, replacement, extra }) => {
    const required = REQUIRED[kind];
    const field = required[fieldIndex % required.length];
    const payload: Payload = { ...extra, ...VALID[kind] };
    if (removal || isAcceptable(field, replacement)) delete payload[field];
    else payload[field] = replacement;
    return { resource: RESOURCE[kind], body: JSON.stringify(payload) };
  });

/** Junk a coercing field could still accept (a numeric string as a key, a date string) is removed instead. */
function isAcceptable(field: string, value: unknown): boolean {
  if (value === null || value === '') return false;
  if (field === 'pull_request_key') return typeof value === 'number' || (typeof value === 'string' && /^\s*\d/.test(value));
  if (field === 'title' || field === 'issue_key' || field === 'repo_url' || field === 'commit_sha') {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  }
  if (field === 'deploymentCommits') return false;
  return typeof value === 'number' && Math.abs(value) < 4.1e12 && Math.abs(value) >= 0;
}

/** Bytes that are not a JSON object at all. */
const brokenBytes = fc.record({
  resource: fc.constantFrom('deployments', 'issues', 'pull_requests', 'issue/close', 'issue/K-1/close'),
  body: fc.oneof(
    fc.string().filter((s) => !isJsonObject(s)),
    fc.jsonValue().map((v) => JSON.stringify(v)).filter((s) => !isJsonObject(s)),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')).filter((s) => !isJsonObject(s)),
  ),
});

function isJsonObject(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '' || trimmed === 'null') return true;
  try {
    const value = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

const batchOfBroken = fc.array(brokenPayload, { minLength: 1, maxLength: 4 }).chain((items) =>
  fc.constant({ resource: `${items[0].resource}/batch`, body: `[${items.map((i) => i.body).join(',')}]`, batch: true }),
);

const call = fc.record({
  request: fc.oneof({ weight: 5, arbitrary: brokenPayload }, { weight: 2, arbitrary: brokenBytes }, { weight: 1, arbitrary: batchOfBroken }),
  form: fc.constantFrom('id', 'legacy', 'name', 'project'),
});

describe.each(testDrivers())('fuzzing every ingestion route on %s', (driver) => {
  let t: TestApp;
  let connection: CreatedConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'fuzz');
    connection = await createConnection(t, 'fuzzed');
  });
  afterAll(async () => {
    await t.close();
  });

  it(`answers ${RUNS} malformed payloads without a 5xx and without writing a domain row`, async () => {
    const auditBefore = await count(t, '_tool_webhook_requests');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(call, async ({ request: r, form }) => {
        const isProjectForm = form === 'project';
        if (isProjectForm && r.resource.startsWith('issue/')) return;
        const base = {
          id: `/api/rest/plugins/webhook/connections/${connection.id}`,
          legacy: `/api/rest/plugins/webhook/${connection.id}`,
          name: `/api/rest/plugins/webhook/connections/by-name/${connection.name}`,
          project: `/plugins/webhook/projects/fuzz`,
        }[form];
        const res = await request(t.http)
          .post(`${base}/${r.resource}`)
          .set('Authorization', isProjectForm ? '' : `Bearer ${connection.key}`)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(r.body);
        sent++;
        expect(res.status).toBeLessThan(500);
        if ('batch' in r && res.status === 200) expect(res.body.data.created + res.body.data.updated).toBe(0);
        else expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.body.success).toBe(res.status === 200);
      }),
      { numRuns: RUNS },
    );
    for (const table of DOMAIN_TABLES) expect({ table, rows: await count(t, table) }).toEqual({ table, rows: 0 });
    expect(await count(t, '_tool_webhook_connections')).toBe(1);
    expect(await count(t, '_tool_webhook_requests')).toBe(auditBefore + sent);
  }, 600_000);
});
