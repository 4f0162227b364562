/**
 * What the log never shows. The request serializer logs no headers at all; these paths are the
 * safety net for anything else that logs a request or a config object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'adminPassword',
  'encryptionSecret',
  '*.adminPassword',
  '*.encryptionSecret',
  '*.apiKey',
];

/** The request log redacts URLs with the library's rules, as the audit log does. */
export { presentedCredentials, redactUrl } from '@app/webhook';
