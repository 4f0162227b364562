import { IncomingHttpHeaders } from 'http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request a browser sent from another origin (CSRF, e.g. a `text/plain` form POST
 * riding on cached Basic credentials): `Sec-Fetch-Site: cross-site`, or an `Origin` whose host is
 * not the request's own (Host, or X-Forwarded-Host behind a proxy that rewrites Host). Requests
 * without Origin (curl, servers) are not concerned.
 */
export function isCrossSiteStateChange(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (String(headers['sec-fetch-site'] ?? '').toLowerCase() === 'cross-site') return true;
  const origin = headers.origin;
  if (origin === undefined || origin === '') return false;
  const own = [headers.host, String(headers['x-forwarded-host'] ?? '').split(',')[0]].map((host) => String(host ?? '').trim().toLowerCase());
  const from = originHost(origin);
  return from === undefined || !own.includes(from);
}

/** `host[:port]` of an Origin header; undefined for `null` or anything unparsable. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
