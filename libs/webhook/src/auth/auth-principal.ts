import { ApiKeyEntity } from '@app/domain';
import { WebhookRequest } from '../http/webhook-request';

/** Who a request acts as: admin (Basic credentials, the host's guard, or open admin mounts) or an API key. */
export type AuthPrincipal =
  | { kind: 'admin'; username: string }
  | { kind: 'host' }
  | { kind: 'open' }
  | { kind: 'key'; key: ApiKeyEntity };

export type AuthenticatedRequest = WebhookRequest & { principal?: AuthPrincipal };

/** creator/updater of key rows: the admin username when Basic credentials were used, else ''. */
export function actorOf(principal: AuthPrincipal | undefined): string {
  return principal?.kind === 'admin' ? principal.username : '';
}
