import { derivePrMetric, PullRequestInput, spanMinutes } from './pr-metrics';

const at = (iso: string) => new Date(`${iso}Z`);

function pr(overrides: Partial<PullRequestInput>): PullRequestInput {
  return {
    id: 'pr',
    createdDate: null,
    mergedDate: at('2024-03-01T00:00:00'),
    deploymentCommitId: null,
    deployedDate: null,
    firstCommitSha: null,
    firstCommitAuthoredDate: null,
    firstReviewId: null,
    firstCommentDate: null,
    ...overrides,
  };
}

describe('spanMinutes (B6, derived spans)', () => {
  it('rounds up, keeps 0 and turns a negative span into NULL', () => {
    expect(spanMinutes(at('2024-03-05T10:00:00'), at('2024-03-05T10:30:30'))).toBe(31);
    expect(spanMinutes(at('2024-03-05T10:00:00'), at('2024-03-05T10:00:00'))).toBe(0);
    expect(spanMinutes(at('2024-03-05T10:00:01'), at('2024-03-05T10:00:00'))).toBeNull();
    expect(spanMinutes(null, at('2024-03-05T10:00:00'))).toBeNull();
  });
});

describe('derivePrMetric (LT1)', () => {
  it('PR2 in a shared database: 1440 + 1440 + 1440, pickup and review rounded apart', () => {
    const sut = derivePrMetric(
      pr({
        id: 'PR2',
        createdDate: at('2024-03-05T10:00:00'),
        mergedDate: at('2024-03-06T10:00:00'),
        deploymentCommitId: 'dC',
        deployedDate: at('2024-03-07T10:00:00'),
        firstCommitSha: 'c1',
        firstCommitAuthoredDate: at('2024-03-04T10:00:00'),
        firstReviewId: 'bob-comment',
        firstCommentDate: at('2024-03-05T10:30:30'),
      }),
    );
    expect(sut).toMatchObject({
      prCodingTime: 1440, prPickupTime: 31, prReviewTime: 1410, prDeployTime: 1440, prCycleTime: 4320, deploymentCommitId: 'dC',
    });
  });

  it('PR2 from webhook data only: 2880', () => {
    const sut = derivePrMetric(
      pr({ createdDate: at('2024-03-05T10:00:00'), mergedDate: at('2024-03-06T10:00:00'), deploymentCommitId: 'dC', deployedDate: at('2024-03-07T10:00:00') }),
    );
    expect(sut).toMatchObject({ prCodingTime: null, prPickupTime: null, prReviewTime: null, prDeployTime: 1440, prCycleTime: 2880 });
  });

  it('a PR never deployed: link empty, cycle = created → merged', () => {
    const sut = derivePrMetric(pr({ createdDate: at('2024-03-06T11:00:00'), mergedDate: at('2024-03-06T12:00:00') }));
    expect(sut).toMatchObject({ deploymentCommitId: '', prDeployTime: null, prDeployedDate: null, prCycleTime: 60 });
  });

  it('merged after the deployment finished: link kept, deploy time NULL, cycle never NULL', () => {
    const sut = derivePrMetric(
      pr({ createdDate: at('2024-03-06T12:00:00'), mergedDate: at('2024-03-06T11:00:00'), deploymentCommitId: 'd', deployedDate: at('2024-03-06T10:00:00') }),
    );
    expect(sut).toMatchObject({ deploymentCommitId: 'd', prDeployTime: null, prCycleTime: 0 });
  });
});
