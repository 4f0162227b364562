import { FieldSpec, mapFields } from './field-spec';
import { findKeyValue } from './key-lookup';
import { normalizeFields, NormalizedRecord } from './normalize-fields';

const PULL_REQUEST_FIELDS: FieldSpec[] = [
  { name: 'key', seed: 'pull_request_key', camel: 'pullRequestKey', type: 'integer', required: true, min: 1 },
  { name: 'title', seed: 'display_title', camel: 'displayTitle', aliases: ['title'], type: 'string', required: true },
  { name: 'createdDate', seed: 'created_date', camel: 'createdDate', type: 'time', required: true },
  { name: 'id', seed: 'id', type: 'string', ignore: { silent: true } },
  { name: 'status', seed: 'status', type: 'enum', values: ['OPEN', 'CLOSED', 'MERGED'] },
  { name: 'baseRepoId', seed: 'base_repo_id', camel: 'baseRepoId', type: 'string', ignore: { reason: 'base_repo_id is always webhook:1' } },
  { name: 'mergeCommitSha', seed: 'merge_commit_sha', camel: 'mergeCommitSha', type: 'string', maxLength: 40 },
  { name: 'closedDate', seed: 'closed_date', camel: 'closedDate', type: 'time' },
  { name: 'additions', seed: 'additions', type: 'integer' },
  { name: 'isDraft', seed: 'is_draft', camel: 'isDraft', type: 'boolean' },
];

const CLOSE_FIELDS: FieldSpec[] = [
  { name: 'issueKey', seed: 'issue_key', camel: 'issueKey', type: 'string', required: true },
  { name: 'resolutionDate', seed: 'resolution_date', camel: 'resolutionDate', type: 'time' },
];

const pr = (body: Record<string, unknown>) => normalizeFields(body, PULL_REQUEST_FIELDS);
const VALID_PR = { pull_request_key: 7, title: 'Feat', created_date: '2025-02-20T16:17:36Z' };

describe('normalizeFields', () => {
  it('reads the §11 example: coercions, null as absent, ignored keys', () => {
    const sut = pr({
      id: 'ignored',
      baseRepoId: 'x',
      status: 'MERGED',
      displayTitle: 'Feat',
      pullRequestKey: 7,
      createdDate: '2025-02-20T16:17:36Z',
      closedDate: null,
      additions: 10,
      isDraft: false,
      mergeCommitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
    });
    expect(sut.causes).toEqual([]);
    expect(sut.warnings).toEqual(['ignored key: baseRepoId (base_repo_id is always webhook:1)']);
    expect(sut.values).toEqual({
      key: 7,
      title: 'Feat',
      createdDate: new Date('2025-02-20T16:17:36Z'),
      status: 'MERGED',
      mergeCommitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      additions: 10,
      isDraft: false,
    });
    expect(sut.spelledAs).toMatchObject({ key: 'pullRequestKey', closedDate: 'closedDate', id: 'id' });
    expect(sut.style).toBe('camel');
  });

  it('gives the §11 causes', () => {
    expect(pr({ ...VALID_PR, pull_request_key: '8' }).values.key).toBe(8);
    expect(pr({ ...VALID_PR, pull_request_key: undefined, pullRequestKey: 0 }).causes).toEqual(['pullRequestKey: must be a positive integer']);
    expect(pr({ ...VALID_PR, mergeCommitSha: 'a'.repeat(64) }).causes).toEqual(['mergeCommitSha: must be at most 40 characters']);
  });

  it('matches keys case-insensitively, underscores significant', () => {
    const sut = pr({ PULL_REQUEST_KEY: 1, Title: 't', CreatedDate: '2020-01-01', pullrequest_key: 2 });
    expect(sut.causes).toEqual([]);
    expect(sut.values).toMatchObject({ key: 1, title: 't' });
    expect(sut.spelledAs.key).toBe('PULL_REQUEST_KEY');
    expect(sut.warnings).toEqual(['unknown key: pullrequest_key']);
  });

  describe('spellings of one field', () => {
    it('accepts equal values, also equal once decoded', () => {
      expect(pr({ ...VALID_PR, pullRequestKey: '7', created_date: '2025-02-20', createdDate: '2025-02-20T00:00:00Z' }).causes).toEqual([]);
      expect(pr({ ...VALID_PR, status: 'open', STATUS: 'OPEN' }).causes).toEqual([]);
    });

    it('reports a conflict at the later key, in request order', () => {
      const sut = pr({ displayTitle: 'a', pull_request_key: 1, status: 'x', title: 'b', created_date: '2020-01-01', TITLE: 'a' });
      expect(sut.causes).toEqual(['status: must be one of OPEN, CLOSED, MERGED', 'title: conflicts with displayTitle']);
      expect(sut.values.title).toBe('a');
    });

    it('compares every later key with the first one sent', () => {
      expect(pr({ ...VALID_PR, display_title: 'y', TITLE: 'y' }).causes).toEqual([
        'display_title: conflicts with title',
        'TITLE: conflicts with title',
      ]);
    });

    it('ignores a null spelling and reports each invalid value at its own key', () => {
      expect(pr({ ...VALID_PR, title: null, displayTitle: 'b' }).causes).toEqual([]);
      expect(pr({ ...VALID_PR, additions: 'x', ADDITIONS: {} }).causes).toEqual(['additions: must be an integer', 'ADDITIONS: must be an integer']);
      expect(pr({ ...VALID_PR, status: '', STATUS: 'OPEN' }).causes).toEqual(['STATUS: conflicts with status']);
    });
  });

  describe('required fields', () => {
    it('reports missing, null and "" in the right place', () => {
      expect(pr({ created_date: '2020-01-01', title: '', pull_request_key: null }).causes).toEqual([
        'title: is required',
        'pull_request_key: is required',
      ]);
    });

    it('spells a missing key in the seed style unless a camelCase key was sent', () => {
      expect(normalizeFields({}, CLOSE_FIELDS).causes).toEqual(['issue_key: is required']);
      expect(normalizeFields({ resolutionDate: '2020-01-01' }, CLOSE_FIELDS).causes).toEqual(['issueKey: is required']);
      expect(normalizeFields({}, CLOSE_FIELDS, { camelCase: true }).causes).toEqual(['issueKey: is required']);
      expect(pr({ title: 't', additions: 1 }).causes).toEqual(['pull_request_key: is required', 'created_date: is required']);
    });

    it('locates fields for the endpoint: as sent, else in the request style', () => {
      const sut = normalizeFields({ RESOLUTIONDATE: null }, CLOSE_FIELDS);
      expect(sut.locate('resolutionDate')).toEqual({ path: 'RESOLUTIONDATE', position: [0, 0] });
      expect(sut.locate('issueKey').path).toBe('issueKey');
      expect(() => sut.locate('nope')).toThrow('no field named nope');
    });
  });

  describe('arrays of objects', () => {
    const fields: FieldSpec[] = [
      { name: 'items', seed: 'items', type: 'object-array', fields: [{ name: 'lineCount', seed: 'line_count', camel: 'lineCount', type: 'integer', required: true }] },
      { name: 'label', seed: 'label', type: 'string' },
    ];

    it('decodes elements as records with their own paths', () => {
      const sut = normalizeFields({ items: [{ line_count: '3' }, { LINECOUNT: 4.9, extra: true }] }, fields);
      const items = sut.values.items as NormalizedRecord[];
      expect(items.map((item) => item.values)).toEqual([{ lineCount: 3 }, { lineCount: 4 }]);
      expect(items[1].spelledAs).toEqual({ lineCount: 'LINECOUNT' });
      expect(sut.warnings).toEqual(['unknown key: items[1].extra']);
    });

    it('reads one object as a one-element array', () => {
      const sut = normalizeFields({ items: { line_count: 1 } }, fields);
      expect((sut.values.items as NormalizedRecord[]).map((item) => item.values)).toEqual([{ lineCount: 1 }]);
    });

    it('refuses other values and non-object elements', () => {
      expect(normalizeFields({ items: 'x', label: 1 }, fields).causes).toEqual(['items: must be an array']);
      expect(normalizeFields({ items: [{}, 1, null], label: [] }, fields).causes).toEqual([
        'items[1]: must be an object',
        'items[2]: must be an object',
        'label: must be a string',
        'items[0].line_count: is required',
      ]);
    });

    it('reports two different arrays as a conflict without decoding the second', () => {
      const sut = normalizeFields({ items: [{ line_count: 1 }], ITEMS: [{ bad: 1 }] }, fields);
      expect(sut.causes).toEqual(['ITEMS: conflicts with items']);
      expect(sut.warnings).toEqual([]);
      expect(normalizeFields({ items: [{ line_count: 1 }], ITEMS: [{ line_count: 1 }] }, fields).causes).toEqual([]);
    });
  });

  it('refuses a spelling shared by two fields', () => {
    const clash: FieldSpec[] = [
      { name: 'a', seed: 'a_b', type: 'string' },
      { name: 'b', seed: 'x', aliases: ['A_B'], type: 'string' },
    ];
    expect(() => normalizeFields({}, clash)).toThrow('spelling A_B belongs to two fields');
  });
});

describe('mapFields', () => {
  it('rewrites nested fields too', () => {
    const specs: FieldSpec<{ seedOnly?: boolean }>[] = [
      { name: 'list', seed: 'list', type: 'object-array', fields: [{ name: 'x', seed: 'x', type: 'string', flags: { seedOnly: true } }] },
    ];
    const mapped = mapFields(specs, (spec) => (spec.flags?.seedOnly ? { ...spec, ignore: { reason: 'seed only' } } : spec));
    expect(normalizeFields({ list: [{ x: 'v' }] }, mapped).warnings).toEqual(['ignored key: list[0].x (seed only)']);
    expect(specs[0]).not.toHaveProperty('fields.0.ignore');
  });
});

describe('findKeyValue', () => {
  it('finds the first non-null spelling, any case', () => {
    expect(findKeyValue({ ID: null, Id: 'x' }, ['id'])).toEqual({ key: 'Id', value: 'x' });
    expect(findKeyValue({ id: null }, ['id'])).toBeUndefined();
    expect(findKeyValue({ DEPLOYMENT_COMMITS: [] }, ['deploymentCommits', 'deployment_commits'])).toEqual({ key: 'DEPLOYMENT_COMMITS', value: [] });
  });
});
