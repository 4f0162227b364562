import { SetMetadata } from '@nestjs/common';

export const INGESTION_ROUTE = 'webhook:ingestion-route';

/**
 * Marks an ingestion route (spec api.md §2.2): a key authorizes it when the connection named by the
 * path (`:connectionId`, `:connectionName` or `:projectName`) is the key's own. Every other library
 * route is outside every webhook key's scope.
 */
export const IngestionRoute = () => SetMetadata(INGESTION_ROUTE, true);
