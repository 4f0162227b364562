import { DoraRefreshService } from '@app/dora';
import { DerivedDataCatchUp } from '../../libs/webhook/src/ingestion/derived-data-catch-up';
import { TestApp } from './create-test-app';

/**
 * Applies the changes the writes recorded now, rather than after the catch-up's delay: what a
 * reader of the derived tables sees a moment after a write (a project read through the API
 * applies them itself). Failures throw here instead of being logged.
 */
export async function settleDerivedData(t: TestApp): Promise<void> {
  await t.app.get(DerivedDataCatchUp).flush();
  await t.app.get(DoraRefreshService).applyAllPending();
}
