import { DerivedChange, mergeChanges, parseChange, serializeChange } from './derived-change';

const finish = new Date('2024-03-05T10:00:00.123Z');
const itemOfBatch = (index: number): DerivedChange => ({
  // As a deployment batch gives them: every item carries the whole batch's finishes and relinked rows.
  commitRows: [
    { id: `row-${index}`, commitSha: `sha-${index}`, productionFinish: { cicdScopeId: 'webhook:1', finishedDate: finish } },
    ...Array.from({ length: 100 }, (_, n) => ({ id: `neighbour-${n}`, commitSha: `n-${n}` })),
  ],
  previousFinishes: Array.from({ length: 100 }, (_, n) => new Date(Date.UTC(2024, 0, 1) + n * 60_000)),
  pullRequestIds: ['pr-1'],
  incidentIds: [],
});

describe('mergeChanges', () => {
  it('keeps each row, finish and id once, whatever the batch repeats', () => {
    const merged = mergeChanges(Array.from({ length: 100 }, (_, index) => itemOfBatch(index)));
    expect(merged.commitRows).toHaveLength(200);
    expect(merged.previousFinishes).toHaveLength(100);
    expect(merged.pullRequestIds).toEqual(['pr-1']);
  });

  it('keeps rows that differ only in their production finish', () => {
    const row = (finishedDate?: Date) => ({ id: 'r', commitSha: 's', ...(finishedDate ? { productionFinish: { cicdScopeId: 'webhook:1', finishedDate } } : {}) });
    const change = (finishedDate?: Date): DerivedChange => ({ commitRows: [row(finishedDate)], previousFinishes: [], pullRequestIds: [], incidentIds: [] });
    expect(mergeChanges([change(), change(finish), change(new Date(finish.getTime() + 1)), change(finish)]).commitRows).toHaveLength(3);
  });
});

describe('serializeChange / parseChange', () => {
  it('round-trips a change with its dates, and "rebuild" as NULL', () => {
    const change = itemOfBatch(1);
    expect(parseChange(serializeChange(change))).toEqual(change);
    expect(serializeChange(undefined)).toBeNull();
    expect(parseChange(null)).toBeUndefined();
  });
});
