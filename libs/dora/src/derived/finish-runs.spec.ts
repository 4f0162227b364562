import { FINISH_RUN_GAP_MS, finishRuns } from './finish-runs';

const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);

describe('finishRuns', () => {
  it('groups finishes at most the gap apart, in time order, each once', () => {
    const runs = finishRuns([at(200), at(0), at(30), at(90), at(30), at(400), at(60)]);
    expect(runs).toEqual([
      { first: at(0), last: at(90) },
      { first: at(200), last: at(200) },
      { first: at(400), last: at(400) },
    ]);
  });

  it('starts a new run one millisecond past the gap', () => {
    const start = at(0).getTime();
    expect(finishRuns([new Date(start), new Date(start + FINISH_RUN_GAP_MS)])).toHaveLength(1);
    expect(finishRuns([new Date(start), new Date(start + FINISH_RUN_GAP_MS + 1)])).toHaveLength(2);
  });

  it('gives no run for no finish', () => {
    expect(finishRuns([])).toEqual([]);
  });
});
