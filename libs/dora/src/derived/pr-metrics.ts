/** A merged pull request of a scope with what §4.3 needs, as the derived-data queries load it. */
export interface PullRequestInput {
  id: string;
  createdDate: Date | null;
  mergedDate: Date;
  /** The deployment commit row that shipped the merge commit (earliest start), or null. */
  deploymentCommitId: string | null;
  deployedDate: Date | null;
  /** From `pull_request_commits` / `pull_request_comments` when a shared database has them. */
  firstCommitSha: string | null;
  firstCommitAuthoredDate: Date | null;
  firstReviewId: string | null;
  firstCommentDate: Date | null;
}

/** One `project_pr_metrics` row without its key's project name and bookkeeping columns. */
export interface PrMetric {
  id: string;
  firstCommitSha: string | null;
  prCodingTime: number | null;
  firstReviewId: string | null;
  prPickupTime: number | null;
  prReviewTime: number | null;
  deploymentCommitId: string;
  prDeployTime: number | null;
  prCycleTime: number;
  firstCommitAuthoredDate: Date | null;
  prCreatedDate: Date | null;
  firstCommentDate: Date | null;
  prMergedDate: Date;
  prDeployedDate: Date | null;
}

/** B6 for derived spans: whole minutes rounded up; a negative span (or a missing end) is NULL. */
export function spanMinutes(from: Date | null, to: Date | null): number | null {
  if (from === null || to === null) return null;
  const millis = to.getTime() - from.getTime();
  return millis < 0 ? null : Math.ceil(millis / 60_000);
}

/**
 * §4.3: coding, pickup, review and deploy times of one PR, and its cycle time — the sum of the
 * non-NULL parts among coding, created → merged and deploy (pickup + review are rounded apart and
 * may differ from created → merged, so they are not used). A PR merged after its deployment
 * finished keeps the link with a NULL deploy time.
 */
export function derivePrMetric(input: PullRequestInput): PrMetric {
  const coding = spanMinutes(input.firstCommitAuthoredDate, input.createdDate);
  const createdToMerged = spanMinutes(input.createdDate, input.mergedDate);
  const deploy = input.deploymentCommitId ? spanMinutes(input.mergedDate, input.deployedDate) : null;
  const parts = [coding, createdToMerged, deploy].filter((part): part is number => part !== null);
  return {
    id: input.id,
    firstCommitSha: input.firstCommitSha,
    prCodingTime: coding,
    firstReviewId: input.firstReviewId,
    prPickupTime: spanMinutes(input.createdDate, input.firstCommentDate),
    prReviewTime: spanMinutes(input.firstCommentDate, input.mergedDate),
    deploymentCommitId: input.deploymentCommitId ?? '',
    prDeployTime: deploy,
    prCycleTime: parts.reduce((sum, part) => sum + part, 0),
    firstCommitAuthoredDate: input.firstCommitAuthoredDate,
    prCreatedDate: input.createdDate,
    firstCommentDate: input.firstCommentDate,
    prMergedDate: input.mergedDate,
    prDeployedDate: input.deploymentCommitId ? input.deployedDate : null,
  };
}
