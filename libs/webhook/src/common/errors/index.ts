export * from './webhook-error-code';
export * from './webhook.exception';
export * from './error-envelope';
export * from './database-errors';
export * from './webhook-exception.filter';
