import { DoraRefreshService } from '@app/dora';
import { DerivedDataCatchUp } from '../../libs/webhook/src/ingestion/derived-data-catch-up';
import { TestApp } from './create-test-app';

/**
 * Waits for the background catch-up and applies whatever is still pending: what a reader of the
 * derived tables sees a moment after a write (a project read through the API applies them itself).
 */
export async function settleDerivedData(t: TestApp): Promise<void> {
  await t.app.get(DerivedDataCatchUp).whenIdle();
  await t.app.get(DoraRefreshService).applyAllPending();
}
