import { ChainRow, linkWrite, relinkFrom, rowKey, touchedChains } from './prev-success-chain';

const row = (id: string, finished: string | null, overrides: Partial<ChainRow> = {}): ChainRow => ({
  id,
  commitSha: id,
  cicdScopeId: 'webhook:1',
  repoUrl: 'r1',
  environment: 'PRODUCTION',
  result: 'SUCCESS',
  finishedDate: finished === null ? null : new Date(finished),
  prevSuccessDeploymentCommitId: '',
  ...overrides,
});

describe('prev_success_deployment_commit_id chains (spec metrics.md §4.1)', () => {
  it('P1: links each member to the one before, ties by id, whatever the input order', () => {
    const members = [row('dC', '2024-03-07'), row('dA', '2024-03-01'), row('dD', '2024-04-01'), row('dB', '2024-03-04'), row('dB2', '2024-03-04')];
    expect(relinkFrom(members, new Date('2024-01-01'))).toEqual([
      { id: 'dB', commitSha: 'dB', prev: 'dA' },
      { id: 'dB2', commitSha: 'dB2', prev: 'dB' },
      { id: 'dC', commitSha: 'dC', prev: 'dB2' },
      { id: 'dD', commitSha: 'dD', prev: 'dC' },
    ]);
  });

  it('uses the predecessors below `from` without changing them, and reports only changed links', () => {
    const members = [row('a', '2024-01-01', { prevSuccessDeploymentCommitId: 'stale' }), row('b', '2024-01-02'), row('c', '2024-01-03', { prevSuccessDeploymentCommitId: 'b' })];
    expect(relinkFrom(members, new Date('2024-01-02'))).toEqual([{ id: 'b', commitSha: 'b', prev: 'a' }]);
  });

  it('touches the chains of the rows before and after the write, from the earliest finish', () => {
    const before = [row('b', '2024-01-05', { environment: 'STAGING' }), row('f', '2024-01-01', { result: 'FAILURE' })];
    const after = [row('b', '2024-01-07'), row('f', '2024-01-09')];
    expect(touchedChains(before, after)).toEqual([
      { chain: { cicdScopeId: 'webhook:1', repoUrl: 'r1', environment: 'STAGING' }, from: new Date('2024-01-05'), to: new Date('2024-01-05') },
      { chain: { cicdScopeId: 'webhook:1', repoUrl: 'r1', environment: 'PRODUCTION' }, from: new Date('2024-01-07'), to: new Date('2024-01-09') },
    ]);
  });

  it('ignores rows that are no member anywhere', () => {
    expect(touchedChains([], [row('x', null), row('y', '2024-01-01', { result: 'ABORT' }), row('z', '2024-01-01', { environment: '' })])).toEqual([]);
  });

  it('links a write before it is stored: the new row after the last stored one, its successor after it', () => {
    const chain = { cicdScopeId: 'webhook:1', repoUrl: 'r1', environment: 'PRODUCTION' };
    const stored = [row('a', '2024-01-01'), row('c', '2024-01-05', { prevSuccessDeploymentCommitId: 'a' })];
    const written = [row('b', '2024-01-03')];
    const window = { chain, from: new Date('2024-01-03'), to: new Date('2024-01-03') };
    expect(linkWrite(window, stored, written, new Set(written.map(rowKey)))).toEqual([
      { id: 'b', commitSha: 'b', prev: 'a' },
      { id: 'c', commitSha: 'c', prev: 'b' },
    ]);
  });

  it('takes the stored version of a written row out of the chain it leaves', () => {
    const chain = { cicdScopeId: 'webhook:1', repoUrl: 'r1', environment: 'PRODUCTION' };
    const stored = [row('a', '2024-01-01'), row('b', '2024-01-03', { prevSuccessDeploymentCommitId: 'a' }), row('c', '2024-01-05', { prevSuccessDeploymentCommitId: 'b' })];
    const movedAway = row('b', '2024-01-03', { environment: 'STAGING' });
    const window = { chain, from: new Date('2024-01-03'), to: new Date('2024-01-03') };
    expect(linkWrite(window, stored, [], new Set([rowKey(movedAway)]))).toEqual([{ id: 'c', commitSha: 'c', prev: 'a' }]);
  });
});
