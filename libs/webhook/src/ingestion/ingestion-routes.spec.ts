import { PATH_METADATA } from '@nestjs/common/constants';
import { INGESTION_ROUTE } from '../auth/ingestion-route.decorator';
import { DeploymentsController } from '../deployments/deployments.controller';
import { LastSuccessController } from '../deployments/last-success.controller';
import { IssuesController } from '../issues/issues.controller';
import { PullRequestsController } from '../pull-requests/pull-requests.controller';
import { allIngestionPaths } from './ingestion-routes';

describe('ingestion route table', () => {
  it('is exactly what the controllers register as ingestion routes, in order', () => {
    const registered = [DeploymentsController, IssuesController, PullRequestsController, LastSuccessController].flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => (controller.prototype as unknown as Record<string, unknown>)[name])
        .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(INGESTION_ROUTE, handler))
        .flatMap((handler) => Reflect.getMetadata(PATH_METADATA, handler) as string[]),
    );
    expect(registered).toEqual(allIngestionPaths());
  });
});
