import { matchIngestion } from './ingestion-path';

const matchIngestionPath = (method: string, path: string) => matchIngestion(method, path)?.connection;

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

  it.each([
    ['/plugins/webhook/7/deployments', '/plugins/webhook/:connectionId/deployments'],
    ['/plugins/webhook/connections/7/deployments/batch/', '/plugins/webhook/connections/:connectionId/deployments/batch'],
    ['/plugins/webhook/connections/by-name/ci/issues', '/plugins/webhook/connections/by-name/:connectionName/issues'],
    ['/plugins/webhook/projects/shop/pull_requests', '/plugins/webhook/projects/:projectName/pull_requests'],
    ['/plugins/webhook/connections/7/issue/A%2F1/close', '/plugins/webhook/connections/:connectionId/issue/:issueKey/close'],
    ['/plugins/webhook/7/issue/close', '/plugins/webhook/:connectionId/issue/close'],
  ])('%s has the route template %s', (path, route) => {
    expect(matchIngestion('POST', path)?.route).toBe(route);
  });
});
