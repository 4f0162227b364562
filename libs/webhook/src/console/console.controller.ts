import { Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { WebhookController } from '../http/webhook-controller.decorator';
import { PLUGIN_PATH, WebhookRequest } from '../http/webhook-request';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ConsoleFiles } from './console-files';

const CONSOLE_PATH = `${PLUGIN_PATH}/console`;

/**
 * The console's own policy, replacing whatever the host's helmet set: everything from this origin,
 * nothing inline; and no `upgrade-insecure-requests`, which would break the page on plain-HTTP
 * internal hosts.
 */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The browser console (issue 16), on the admin mounts only, behind the same guard as the admin
 * routes: `…/plugins/webhook/console/`.
 */
@WebhookController()
export class ConsoleController {
  private readonly files: ConsoleFiles;

  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) options: ResolvedWebhookOptions) {
    this.files = new ConsoleFiles(options.consoleAssetsDir);
  }

  @Get(['console', 'console/*path'])
  serve(@Req() req: WebhookRequest, @Res() res: Response): void {
    if (req.webhook?.side !== 'admin') throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
    const rest = req.path.slice(CONSOLE_PATH.length);
    if (rest === '') return res.redirect(302, 'console/');
    if (!this.files.built) {
      throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: ['console: not built (run npm run build)'] });
    }
    const target = this.files.lookup(rest);
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    switch (target.kind) {
      case 'missing':
        throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
      case 'index':
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(target.html);
        return;
      case 'asset':
        // Files under assets/ carry a content hash in their name: cache them for good.
        res.sendFile(target.file, target.immutable ? { maxAge: '1y', immutable: true } : { maxAge: 0 });
        return;
    }
  }
}
