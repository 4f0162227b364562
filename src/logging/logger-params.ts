import type { IncomingMessage, ServerResponse } from 'http';
import { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { ensureRequestId, summarizeRequest } from '@app/webhook';
import { AppConfig } from '../config/app-config';
import { presentedCredentials, REDACTED_PATHS, redactUrl } from './redaction';
import { textDestination } from './text-destination';

/**
 * nestjs-pino for the standalone server: JSON lines unless stdout is a terminal (or LOG_FORMAT
 * says otherwise), and one line per request carrying what the webhook library learnt about it.
 */
export function loggerParams(config: AppConfig, stdoutIsTty = Boolean(process.stdout.isTTY)): Params {
  const json = (config.logFormat ?? (stdoutIsTty ? 'text' : 'json')) === 'json';
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level: config.logLevel,
    base: undefined,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => ensureRequestId(req, res),
    customAttributeKeys: { responseTime: 'durationMs' },
    serializers: {
      req: (req: { method?: string; url?: string; remoteAddress?: string; headers?: IncomingMessage['headers'] }) => ({
        method: req.method,
        url: redactUrl(req.url ?? '', presentedCredentials(req.headers ?? {}, req.url ?? '')),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => requestLine(req, res),
    customErrorMessage: (req, res) => requestLine(req, res),
    customSuccessObject: (req, res, value) => ({ ...value, ...requestFields(req, res) }),
    customErrorObject: (req, res, _error, value) => ({ ...value, ...requestFields(req, res) }),
  };
  return { pinoHttp: json ? options : [options, textDestination()] };
}

function requestFields(req: IncomingMessage, res: ServerResponse): Record<string, unknown> {
  const summary = summarizeRequest(req);
  return {
    requestId: (req as IncomingMessage & { id?: unknown }).id,
    method: req.method,
    route: summary.route,
    status: res.statusCode,
    connection: summary.connection,
    outcome: summary.outcome,
    items: summary.items,
  };
}

function requestLine(req: IncomingMessage, res: ServerResponse): string {
  const summary = summarizeRequest(req);
  return `${req.method} ${summary.route} ${res.statusCode}${summary.outcome ? ` ${summary.outcome}` : ''}`;
}
