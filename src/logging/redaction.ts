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

/** A query parameter whose name may carry a credential. */
const SECRET_NAME = /key|token|secret|password|auth/i;

/** The URL with the value of every credential-like query parameter replaced. */
export function redactUrl(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const params = url
    .slice(index + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0];
      return SECRET_NAME.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, index)}?${params.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
