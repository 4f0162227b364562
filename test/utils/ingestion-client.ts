/** The ingestion suites' helpers; one implementation, in webhook-client.ts. */
export { API, countRows, createConnection, postWithKey, selectRows } from './webhook-client';
export type { CreatedConnection as TestConnection } from './webhook-client';
