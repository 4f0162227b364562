import { comparePositions, ignoredKeyWarning, renderCauses, unknownKeyWarning } from './cause-order';

describe('cause order', () => {
  it('puts key positions before missing fields, depth-first, prefixes first', () => {
    const positions = [[1, 1, 5, 0, 0], [0, 2], [1, 0, 3], [0, 1, 0, 4], [0, 1], [1, 0, 1], [0, 1, 1, 0]];
    expect([...positions].sort(comparePositions)).toEqual([[0, 1], [0, 1, 0, 4], [0, 1, 1, 0], [0, 2], [1, 0, 1], [1, 0, 3], [1, 1, 5, 0, 0]]);
  });

  it('renders causes sorted, keeping insertion order on ties', () => {
    expect(
      renderCauses([
        { path: 'b', problem: 'second', position: [0, 1] },
        { path: 'a', problem: 'first', position: [0, 0] },
        { path: 'b', problem: 'third', position: [0, 1] },
      ]),
    ).toEqual(['a: first', 'b: second', 'b: third']);
  });

  it('words warnings as the spec does', () => {
    expect(unknownKeyWarning('deploymentCommits[0].foo')).toBe('unknown key: deploymentCommits[0].foo');
    expect(ignoredKeyWarning('issueKey', 'the path names the issue')).toBe('ignored key: issueKey (the path names the issue)');
  });
});
