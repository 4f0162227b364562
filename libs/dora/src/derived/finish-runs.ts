/** Finishes at most this far from the previous one share one incident range (incidentsAfterFinishes). */
export const FINISH_RUN_GAP_MS = 3_600_000;

/** The distinct finishes in time order, grouped into runs whose neighbours are at most FINISH_RUN_GAP_MS apart. */
export function finishRuns(finishes: readonly Date[]): { first: Date; last: Date }[] {
  const sorted = [...new Set(finishes.map((finish) => finish.getTime()))].sort((a, b) => a - b);
  const runs: { first: Date; last: Date }[] = [];
  for (const time of sorted) {
    const run = runs[runs.length - 1];
    if (run && time - run.last.getTime() <= FINISH_RUN_GAP_MS) run.last = new Date(time);
    else runs.push({ first: new Date(time), last: new Date(time) });
  }
  return runs;
}
