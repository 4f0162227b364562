import { matchIngestionPath } from './ingestion-path';

describe('matchIngestionPath', () => {
  it.each([
    ['/plugins/webhook/connections/1/deployments', { connectionId: '1' }],
    ['/plugins/webhook/1/deployments/batch', { connectionId: '1' }],
    ['/plugins/webhook/connections/by-name/c%20i/issues', { connectionName: 'c i' }],
    ['/plugins/webhook/projects/shop/pull_requests/', { projectName: 'shop' }],
    ['/plugins/webhook/connections/7/issue/A%2F1/close', { connectionId: '7' }],
    ['/plugins/webhook/7/issue/close', { connectionId: '7' }],
  ])('%s names %j', (path, ref) => {
    expect(matchIngestionPath('POST', path)).toEqual(ref);
  });

  it.each([
    ['POST', '/plugins/webhook/connections'],
    ['POST', '/plugins/webhook/connections/1/cicd_tasks'],
    ['POST', '/plugins/webhook/projects/shop/issue/close'],
    ['GET', '/plugins/webhook/connections/1/deployments'],
  ])('%s %s is not an ingestion route', (method, path) => {
    expect(matchIngestionPath(method, path)).toBeUndefined();
  });
});
