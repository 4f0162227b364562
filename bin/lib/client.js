'use strict';

const MAX_DELAY_MS = 30_000;

/** `https://host` → `https://host/rest`; a URL already ending in `/rest` (`…/api/rest`) is kept. */
function apiKeyBase(url) {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/rest') ? trimmed : `${trimmed}/rest`;
}

/** The ingestion URL for a connection given by id (digits) or by name. */
function endpoint(url, connection, path) {
  const ref = /^\d+$/.test(connection) ? connection : `by-name/${encodeURIComponent(connection)}`;
  return `${apiKeyBase(url)}/plugins/webhook/connections/${ref}/${path}`;
}

/** Seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfterMs(header) {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * POSTs the body; retries connection errors, 5xx and 429 (after its Retry-After) up to `retries`
 * times with exponential backoff, never another 4xx. Resolves `{ status, envelope }` of the last
 * answer, or rejects with the last connection error.
 */
async function post(target, key, body, { retries, baseDelayMs = 500, log = () => {} }) {
  for (let attempt = 0; ; attempt++) {
    let answer;
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'user-agent': 'devlake-webhook-cli' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      answer = { status: res.status, envelope: parseJson(text), text, retryAfter: retryAfterMs(res.headers.get('retry-after')) };
    } catch (error) {
      if (attempt >= retries) throw error;
      await wait(backoff(attempt, baseDelayMs), `${error.cause?.code ?? error.message}`, attempt, retries, log);
      continue;
    }
    const retryable = answer.status >= 500 || answer.status === 429;
    if (!retryable || attempt >= retries) return answer;
    const delay = answer.status === 429 && answer.retryAfter !== undefined ? Math.min(answer.retryAfter, MAX_DELAY_MS) : backoff(attempt, baseDelayMs);
    await wait(delay, `HTTP ${answer.status}`, attempt, retries, log);
  }
}

/** GETs a JSON answer once: `{ status, envelope, text }`. */
async function get(target, key) {
  const res = await fetch(target, { headers: { authorization: `Bearer ${key}`, 'user-agent': 'devlake-webhook-cli' } });
  const text = await res.text();
  return { status: res.status, envelope: parseJson(text), text };
}

function backoff(attempt, baseDelayMs) {
  return Math.min(baseDelayMs * 2 ** attempt, MAX_DELAY_MS);
}

function wait(ms, reason, attempt, retries, log) {
  log(`${reason}: retry ${attempt + 1} of ${retries} in ${(ms / 1000).toFixed(1)}s`);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

module.exports = { endpoint, get, post, retryAfterMs };
