export { WebhookMetrics } from './webhook-metrics';
export { RequestObserverMiddleware } from './request-observer.middleware';
export { PrometheusMiddleware } from './prometheus.middleware';
export { ensureRequestId, REQUEST_ID_HEADER } from './request-id';
export { summarizeRequest } from './request-summary';
export type { RequestSummary } from './request-summary';
