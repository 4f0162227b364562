import { timingSafeEqual } from 'crypto';

export type ParsedAuthorization =
  | { scheme: 'missing' }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'malformed' };

/** Splits an Authorization header; scheme names are case-insensitive (RFC 9110). */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '') return { scheme: 'missing' };
  const match = /^\s*(\S+)(?:\s+(.*))?$/.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2]?.trim() ?? '';
  if (scheme === 'bearer') return value ? { scheme: 'bearer', token: value } : { scheme: 'malformed' };
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (!value) return { scheme: 'malformed' };
    if (colon < 0) return { scheme: 'basic', username: decoded, password: '' };
    return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return { scheme: 'malformed' };
}

/** Constant-time comparison of the admin credentials (both compared, whatever the first gives). */
export function credentialsMatch(
  given: { username: string; password: string },
  expected: { username: string; password: string },
): boolean {
  const userOk = safeEqual(given.username, expected.username);
  const passOk = safeEqual(given.password, expected.password);
  return userOk && passOk;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  const padded = Buffer.alloc(right.length);
  left.copy(padded, 0, 0, Math.min(left.length, right.length));
  return timingSafeEqual(padded, right) && left.length === right.length;
}
