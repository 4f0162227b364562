import { IncomingHttpHeaders } from 'http';
import { parseAuthorization } from './authorization-header';

/**
 * One place that decides what of a request may be recorded (the audit log) or logged (the request
 * log): a header or query parameter whose name suggests a credential, and any value equal to a
 * credential the request presented, are replaced — in headers, query and path alike.
 */

export const REDACTED = '[redacted]';

/** Names that may carry a credential: `authorization`, `x-auth`, `api_key`, `access-token`, … */
const SECRET_NAME = /auth|key|token|secret|passw|cookie|session/i;

/** Shorter values are not searched for (redacting every `1` of a path would hide everything). */
const MIN_CREDENTIAL_CHARS = 6;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Every credential the request presented: the Authorization header's token, Basic blob and
 * password, and the values of secret-named headers and query parameters.
 */
export function presentedCredentials(headers: IncomingHttpHeaders, url = ''): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    if (value && value.length >= MIN_CREDENTIAL_CHARS) found.add(value);
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !isSecretName(name)) continue;
    for (const text of Array.isArray(value) ? value : [value]) {
      add(text.trim());
      const parsed = parseAuthorization(text);
      if (parsed.scheme === 'bearer') add(parsed.token);
      if (parsed.scheme === 'basic') {
        add(parsed.password);
        add(text.trim().split(/\s+/)[1]);
      }
    }
  }
  for (const { name, value } of queryParams(url)) if (isSecretName(name)) add(value);
  return [...found].sort((a, b) => b.length - a.length);
}

/** Headers with secret-named ones left out and any value holding a credential replaced. */
export function redactHeaders(headers: IncomingHttpHeaders, credentials: string[]): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || isSecretName(lower)) continue;
    kept[lower] = Array.isArray(value) ? value.map((text) => redactText(text, credentials)) : redactText(value, credentials);
  }
  return kept;
}

/** A path with its query: secret-named parameters' values and every presented credential replaced. */
export function redactUrl(url: string, credentials: string[] = []): string {
  const index = url.indexOf('?');
  const path = redactText(index < 0 ? url : url.slice(0, index), credentials);
  if (index < 0) return path;
  const params = url
    .slice(index + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0];
      return isSecretName(safeDecode(name)) ? `${name}=${REDACTED}` : redactText(pair, credentials);
    });
  return `${path}?${params.join('&')}`;
}

/** The text with each credential (as sent, or percent-encoded) replaced. */
export function redactText(text: string, credentials: string[]): string {
  let redacted = text;
  for (const credential of credentials) {
    for (const form of new Set([credential, encodeURIComponent(credential)])) {
      if (redacted.includes(form)) redacted = redacted.split(form).join(REDACTED);
    }
  }
  if (credentials.length && redacted.includes('%')) {
    const decoded = safeDecode(redacted);
    if (credentials.some((credential) => decoded.includes(credential))) return redactText(decoded, credentials);
  }
  return redacted;
}

function queryParams(url: string): { name: string; value: string }[] {
  const index = url.indexOf('?');
  if (index < 0) return [];
  return url
    .slice(index + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return { name: safeDecode(name.replace(/\+/g, ' ')), value: safeDecode(value.replace(/\+/g, ' ')) };
    });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
