import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ResolvedWebhookOptions } from '../../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../../webhook.tokens';
import { API_KEYS_PATH, MountSide, PLUGIN_PATH, WebhookRequest } from './webhook-request';

interface Mount {
  prefix: string;
  side: MountSide;
}

/**
 * Serves every route under every configured mount: `/api/rest/plugins/webhook/x` is rewritten to
 * the controllers' path `/plugins/webhook/x` and remembered as an API-key-side request. Mount
 * prefixes come from runtime options, which decorators cannot see, hence the rewrite.
 */
@Injectable()
export class WebhookMountMiddleware implements NestMiddleware {
  private readonly mounts: Mount[];

  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) options: ResolvedWebhookOptions) {
    const mounts: Mount[] = [
      ...options.apiKeyMounts.map((prefix) => ({ prefix, side: 'apiKey' as const })),
      ...options.adminMounts.map((prefix) => ({ prefix, side: 'admin' as const })),
    ];
    this.mounts = mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  use(req: WebhookRequest, _res: Response, next: NextFunction): void {
    if (req.webhook) return next();
    const receivedPath = req.originalUrl ?? req.url;
    const [pathname, query] = splitQuery(req.url);
    for (const mount of this.mounts) {
      const rest = stripPrefix(pathname, mount.prefix);
      if (rest === undefined || !isLibraryPath(rest)) continue;
      req.webhook = { mount: mount.prefix, side: mount.side, receivedPath, arrivedAt: Date.now() };
      req.url = rest + query;
      return next();
    }
    next();
  }
}

function splitQuery(url: string): [string, string] {
  const index = url.indexOf('?');
  return index < 0 ? [url, ''] : [url.slice(0, index), url.slice(index)];
}

function stripPrefix(pathname: string, prefix: string): string | undefined {
  if (!prefix) return pathname;
  if (pathname === prefix) return '';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

function isLibraryPath(path: string): boolean {
  return [PLUGIN_PATH, API_KEYS_PATH].some((owned) => path === owned || path.startsWith(`${owned}/`));
}
