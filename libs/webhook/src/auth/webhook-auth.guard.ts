import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { credentialsMatch, parseAuthorization } from '../common/auth/authorization-header';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ApiKeyAuthenticator, forbidden, unauthenticated } from './api-key-authenticator';
import { AuthenticatedRequest, AuthPrincipal } from './auth-principal';
import { HostAdminGuard } from './host-admin-guard';
import { INGESTION_ROUTE } from './ingestion-route.decorator';
import { requestTargetOf } from '../ingestion/ingestion-target';
import { KeyScope } from './key-scope';
import { RateLimiter } from './rate-limiter';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { isCrossSiteStateChange } from './cross-site-request';

const ADMIN_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="devlake-webhook"' };

/**
 * Runs on every library route once it is matched: outside every mount → 404; admin mounts check
 * their credentials (spec api.md §3.4); then a key must cover the route (check 7 of §3.2).
 */
@Injectable()
export class WebhookAuthGuard implements CanActivate {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly scope: KeyScope,
    private readonly rateLimiter: RateLimiter,
    private readonly hostAdminGuard: HostAdminGuard,
    private readonly failureThrottle: AuthFailureThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!req.webhook) throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
    if (req.webhook.side === 'admin' && isCrossSiteStateChange(req.method, req.headers)) {
      throw forbidden('cross-site request refused: the Origin is not this server');
    }
    if (!req.principal) {
      req.principal = await this.failureThrottle.guard(req, () => this.authenticateOnAdminMount(context, req.headers.authorization));
    }
    if (req.principal.kind !== 'key') {
      this.rateLimiter.take(`address:${req.ip}`);
      return true;
    }
    const isIngestion = this.reflector.getAllAndOverride<boolean>(INGESTION_ROUTE, [context.getHandler(), context.getClass()]);
    const allowed = await this.scope.covers(req.principal.key, {
      target: isIngestion ? requestTargetOf(req) : undefined,
      routePath: req.path,
    });
    if (!allowed) throw forbidden("path doesn't match api key's scope");
    this.rateLimiter.take(`key:${req.principal.key.id}`);
    return true;
  }

  private async authenticateOnAdminMount(context: ExecutionContext, header: string | undefined): Promise<AuthPrincipal> {
    if (this.hostAdminGuard.enabled) {
      if (!(await this.hostAdminGuard.admits(context))) throw forbidden('forbidden by the host guard');
      return { kind: 'host' };
    }
    const admin = this.options.adminCredentials;
    if (!admin) return { kind: 'open' };
    const parsed = parseAuthorization(header);
    switch (parsed.scheme) {
      case 'missing':
        throw unauthenticated('authentication required', ADMIN_CHALLENGE);
      case 'basic':
        if (!credentialsMatch(parsed, admin)) throw unauthenticated('invalid username or password', ADMIN_CHALLENGE);
        return { kind: 'admin', username: admin.username };
      case 'bearer':
        return { kind: 'key', key: await this.authenticator.authenticate(parsed.token) };
      case 'malformed':
        throw unauthenticated('token is not present or malformed', ADMIN_CHALLENGE);
    }
  }
}
