import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { credentialsMatch, parseAuthorization } from '../common/auth/authorization-header';
import { sendErrorEnvelope } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { WebhookMetrics } from './webhook-metrics';

/**
 * `GET <prometheus.path>` (opt-in module option): the metrics in Prometheus' text format, behind
 * the admin credentials unless `prometheus.public`. A middleware, since the path is an option.
 */
@Injectable()
export class PrometheusMiddleware implements NestMiddleware {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly metrics: WebhookMetrics,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const exposed = this.options.prometheus;
    if (!exposed || req.method !== 'GET' || req.path !== exposed.path) return next();
    const admin = this.options.adminCredentials;
    if (admin && !exposed.public) {
      const parsed = parseAuthorization(req.headers.authorization);
      if (parsed.scheme !== 'basic' || !credentialsMatch(parsed, admin)) {
        const message = parsed.scheme === 'missing' ? 'authentication required' : 'invalid username or password';
        return sendErrorEnvelope(res, 401, message, [], { 'WWW-Authenticate': 'Basic realm="devlake-webhook"' });
      }
    }
    try {
      const text = await this.metrics.registry.metrics();
      res.status(200).type(this.metrics.registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  }
}
