import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { credentialsMatch, parseAuthorization } from '../common/auth/authorization-header';
import { sendErrorEnvelope, WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ApiKeyAuthenticator, unauthenticated } from './api-key-authenticator';
import { AuthenticatedRequest } from './auth-principal';
import { AuthFailureThrottle } from './auth-failure-throttle';

/**
 * Checks 1–6 of spec api.md §3.2 on the API-key mounts, before routing as DevLake does: on an
 * unknown path a bad credential gets 401/403 and a good one 404.
 */
@Injectable()
export class ApiKeyMountMiddleware implements NestMiddleware {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly failureThrottle: AuthFailureThrottle,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    if (req.webhook?.side !== 'apiKey' || req.principal) return next();
    try {
      req.principal = await this.failureThrottle.guard(req, () => this.authenticate(req.headers.authorization));
      next();
    } catch (error) {
      if (!(error instanceof WebhookException)) return next(error);
      sendErrorEnvelope(res, error.status, error.message, error.causes, error.headers);
    }
  }

  private async authenticate(header: string | undefined): Promise<NonNullable<AuthenticatedRequest['principal']>> {
    const parsed = parseAuthorization(header);
    const admin = this.options.adminCredentials;
    switch (parsed.scheme) {
      case 'missing':
        throw unauthenticated('token is missing');
      case 'basic':
        if (!admin) throw unauthenticated('token is not present or malformed');
        if (!credentialsMatch(parsed, admin)) throw unauthenticated('invalid username or password');
        return { kind: 'admin', username: admin.username };
      case 'bearer':
        return { kind: 'key', key: await this.authenticator.authenticate(parsed.token) };
      case 'malformed':
        throw unauthenticated('token is not present or malformed');
    }
  }
}
