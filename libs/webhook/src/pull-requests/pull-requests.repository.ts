import { Injectable } from '@nestjs/common';
import { PullRequestEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { RowValues, upsertRows } from '../common/database/upsert-rows';

/** `pull_requests`. */
@Injectable()
export class PullRequestsRepository {
  exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.exists(PullRequestEntity, { where: { id } });
  }

  upsert(manager: EntityManager, pullRequest: RowValues<PullRequestEntity>, now: Date): Promise<void> {
    return upsertRows(manager, PullRequestEntity, [pullRequest], now);
  }
}
