import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ensureRequestId } from './request-id';
import { summarizeRequest } from './request-summary';
import { WebhookMetrics } from './webhook-metrics';

/** First of the library's middleware: gives every request its id and counts it once answered. */
@Injectable()
export class RequestObserverMiddleware implements NestMiddleware {
  constructor(private readonly metrics: WebhookMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    ensureRequestId(req, res);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observeRequest(req.method, summarizeRequest(req).route, res.statusCode, seconds);
    });
    next();
  }
}
