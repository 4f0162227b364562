import { leadTimeForChanges, NA_FIRST_DEPLOYMENT } from './lead-time';

const at = (iso: string) => new Date(`${iso}Z`);

describe('leadTimeForChanges', () => {
  it('de-duplicates on (PR, cycle time) before the lower median; monthly in hours, 0 when empty', () => {
    const sut = leadTimeForChanges('2023', ['2024-03', '2024-04', '2024-05'], [
      { pullRequestId: 'PR1', cycleTimeMinutes: 840, deployedAt: at('2024-03-04T23:00:00') },
      { pullRequestId: 'PR1', cycleTimeMinutes: 840, deployedAt: at('2024-03-05T23:00:00') },
      { pullRequestId: 'PR2', cycleTimeMinutes: 4320, deployedAt: at('2024-03-07T10:00:00') },
      { pullRequestId: 'PR4', cycleTimeMinutes: 360, deployedAt: at('2024-04-01T02:00:00') },
    ]);
    expect(sut).toMatchObject({ value: 840, level: 'elite', label: '14.0(elite)', details: { pullRequests: 3 } });
    expect(sut.series.monthly).toEqual([
      { bucket: '24/03', value: 14 },
      { bucket: '24/04', value: 6 },
      { bucket: '24/05', value: 0 },
    ]);
  });

  it('is N/A without pull requests', () => {
    expect(leadTimeForChanges('2021', [], [])).toMatchObject({
      value: null, level: null, benchmark: null, naReason: 'N/A. Please check if you have collected deployments/pull_requests.',
    });
  });

  it("keeps DevLake's label and explains in naReason when PRs came with a chain's first deployment", () => {
    expect(leadTimeForChanges('2023', [], [], true)).toMatchObject({
      value: null, label: 'N/A. Please check if you have collected deployments/pull_requests.', naReason: NA_FIRST_DEPLOYMENT,
    });
  });
});
