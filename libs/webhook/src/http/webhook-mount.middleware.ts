import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { unshieldBody } from './host-body-shield';
import { buildMountTable, matchMount, Mount } from './mount-table';
import { WebhookRequest } from './webhook-request';

/**
 * Serves every route under every configured mount: `/api/rest/plugins/webhook/x` is rewritten to
 * the controllers' path `/plugins/webhook/x` and remembered as an API-key-side request. Mount
 * prefixes come from runtime options, which decorators cannot see, hence the rewrite.
 */
@Injectable()
export class WebhookMountMiddleware implements NestMiddleware {
  private readonly mounts: Mount[];

  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) options: ResolvedWebhookOptions) {
    this.mounts = buildMountTable(options);
  }

  use(req: WebhookRequest, _res: Response, next: NextFunction): void {
    unshieldBody(req);
    if (req.webhook) return next();
    const match = matchMount(this.mounts, req.url);
    if (match) {
      req.webhook = { mount: match.mount.prefix, side: match.mount.side, receivedPath: req.originalUrl ?? req.url, arrivedAt: Date.now() };
      req.url = match.routedUrl;
    }
    next();
  }
}
