import { CreateDomainTables1764400000000 } from './1764400000000-CreateDomainTables';
import { AddMetricsIndexes1764600000000 } from './1764600000000-AddMetricsIndexes';
import { AddRequestIdToWebhookRequests1765000000000 } from './1765000000000-AddRequestIdToWebhookRequests';
import { CreateLockRows1765100000000 } from './1765100000000-CreateLockRows';
import { AddDeploymentCommitLists1765200000000 } from './1765200000000-AddDeploymentCommitLists';
import { AddDerivedDataIndexes1765300000000 } from './1765300000000-AddDerivedDataIndexes';
import { IndexPrMetricsByDeployment1765400000000 } from './1765400000000-IndexPrMetricsByDeployment';
import { CreateDerivedPending1765500000000 } from './1765500000000-CreateDerivedPending';
import { IndexDerivedDataLookups1765600000000 } from './1765600000000-IndexDerivedDataLookups';

/** Every migration, oldest first. Listed explicitly: globs break once the app is bundled. */
export const MIGRATIONS = [
  CreateDomainTables1764400000000,
  AddMetricsIndexes1764600000000,
  AddRequestIdToWebhookRequests1765000000000,
  CreateLockRows1765100000000,
  AddDeploymentCommitLists1765200000000,
  AddDerivedDataIndexes1765300000000,
  IndexPrMetricsByDeployment1765400000000,
  CreateDerivedPending1765500000000,
  IndexDerivedDataLookups1765600000000,
];
