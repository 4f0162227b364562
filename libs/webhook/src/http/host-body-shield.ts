import { Inject, Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Response } from 'express';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { buildMountTable, matchMount } from './mount-table';
import { WebhookRequest } from './webhook-request';

const SHIELD_NAME = 'webhookBodyShield';
const PARSER_NAMES = new Set(['jsonParser', 'urlencodedParser', 'rawParser', 'textParser']);
const SHIELDED_TYPE = Symbol('webhook shielded content-type');

type ShieldedRequest = WebhookRequest & { [SHIELDED_TYPE]?: string };
interface ExpressLayer {
  handle?: { name?: string };
}

/**
 * Keeps a host's body parsers (Nest's default json/urlencoded, `rawBody`, `app.useBodyParser`) off
 * the library's routes, which read their own bytes after authentication: curl -d sends JSON as a
 * form, and the body limits are the library's. Registered on Express while Nest creates the app,
 * so it runs before the parsers Nest adds at init; parsers skip a request without a Content-Type,
 * which the mount middleware restores once routing starts.
 */
@Injectable()
export class HostBodyShield implements OnApplicationBootstrap {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) options: ResolvedWebhookOptions,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {
    const adapter = adapterHost?.httpAdapter;
    if (adapter?.getType() !== 'express') return;
    const mounts = buildMountTable(options);
    const shield = {
      [SHIELD_NAME]: (req: ShieldedRequest, _res: Response, next: NextFunction) => {
        const contentType = req.headers['content-type'];
        if (contentType !== undefined && matchMount(mounts, req.url)) {
          req[SHIELDED_TYPE] = contentType;
          delete req.headers['content-type'];
        }
        next();
      },
    }[SHIELD_NAME];
    adapter.use(shield);
  }

  /** A parser ahead of the shield would eat the bodies: refuse to start, naming the fix. */
  onApplicationBootstrap(): void {
    const adapter = this.adapterHost?.httpAdapter;
    if (!adapter) return;
    if (adapter.getType() !== 'express') {
      throw new Error(`WebhookModule needs the Express platform (@nestjs/platform-express), not ${adapter.getType()}`);
    }
    const instance = adapter.getInstance<{ router?: { stack?: ExpressLayer[] }; _router?: { stack?: ExpressLayer[] } }>();
    const names = (instance.router?.stack ?? instance._router?.stack ?? []).map((layer) => layer?.handle?.name ?? '');
    const parser = names.findIndex((name) => PARSER_NAMES.has(name));
    const shield = names.indexOf(SHIELD_NAME);
    if (parser >= 0 && (shield < 0 || parser < shield)) {
      throw new Error(
        'WebhookModule: a body parser runs before the module could shield its routes; create the app with NestFactory.create() and add parsers after it (app.useBodyParser), or pass { bodyParser: false }',
      );
    }
  }
}

/** Gives a shielded request its Content-Type back (the parsers have run by then). */
export function unshieldBody(req: ShieldedRequest): void {
  const contentType = req[SHIELDED_TYPE];
  if (contentType === undefined) return;
  req.headers['content-type'] = contentType;
  delete req[SHIELDED_TYPE];
}
