import { describeJsonSyntaxError } from './json-syntax-error';
import { JsonValueProblem, needsLosslessParse, parseLosslessJson } from './lossless-json';

/** A decoded JSON object (a request body or one batch item). */
export type JsonObject = Record<string, unknown>;

/** Internal error codes of body decoding; the caller maps them to HTTP (spec api.md §5.2). */
export type BodyErrorCode = 'BODY_NOT_JSON' | 'BODY_NOT_OBJECT' | 'BODY_NOT_ARRAY' | 'VALIDATION_FAILED';

export interface BodyError {
  ok: false;
  code: BodyErrorCode;
  /** Field-level causes, e.g. `body: unexpected end of input`; empty for a wrong JSON type. */
  causes: string[];
}

export type JsonBodyResult = { ok: true; value: JsonObject } | BodyError;

/** One batch item: its object, or why that item alone is rejected. */
export type BatchItemResult = { ok: true; value: JsonObject } | (BodyError & { code: 'BODY_NOT_JSON' | 'BODY_NOT_OBJECT' | 'VALIDATION_FAILED' });

export type BatchBodyResult = { ok: true; items: BatchItemResult[] } | BodyError;

export interface BatchBodyOptions {
  /** The request declared NDJSON (`application/x-ndjson`, `application/jsonl`): one object a line. */
  allowNdjson?: boolean;
}

type RawBody = Buffer | Uint8Array | string | null | undefined;

/**
 * Decodes the body of a single ingestion route (spec api.md §4): any Content-Type, a UTF-8 BOM
 * skipped, empty or `null` read as `{}`, trailing data refused, anything but an object refused.
 */
export function parseJsonBody(raw: RawBody): JsonBodyResult {
  const text = decodeText(raw);
  if (text.trim() === '') {
    return { ok: true, value: {} };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return { ok: false, code: 'BODY_NOT_JSON', causes: [`body: ${parsed.detail}`] };
  }
  if (parsed.value instanceof JsonValueProblem) {
    return valueProblem(parsed.value);
  }
  return toObject(parsed.value) ?? { ok: false, code: 'BODY_NOT_OBJECT', causes: [] };
}

/**
 * Decodes a batch body (spec api.md §13): a JSON array of objects, or with `allowNdjson` one JSON
 * value per non-blank line (a JSON array body is accepted then too). Empty or `null` gives no
 * items. A bad NDJSON line or a non-object element rejects only its item; `null` items read as `{}`.
 */
export function parseBatchBody(raw: RawBody, options: BatchBodyOptions = {}): BatchBodyResult {
  const text = decodeText(raw);
  if (text.trim() === '') {
    return { ok: true, items: [] };
  }
  const parsed = parseJsonText(text, { isolateItems: true });
  if (parsed.ok) {
    if (parsed.value === null) {
      return { ok: true, items: [] };
    }
    if (Array.isArray(parsed.value)) {
      return { ok: true, items: parsed.value.map((item: unknown, index) => toItem(item, index)) };
    }
  }
  if (options.allowNdjson) {
    return { ok: true, items: parseNdjsonLines(text) };
  }
  if (!parsed.ok) {
    return { ok: false, code: 'BODY_NOT_JSON', causes: [`body: ${parsed.detail}`] };
  }
  return { ok: false, code: 'BODY_NOT_ARRAY', causes: [] };
}

function parseNdjsonLines(text: string): BatchItemResult[] {
  const items: BatchItemResult[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const parsed = parseJsonText(line);
    items.push(
      parsed.ok
        ? toItem(parsed.value, items.length)
        : { ok: false, code: 'BODY_NOT_JSON', causes: [`body: line ${index + 1} is not valid JSON`] },
    );
  });
  return items;
}

function toItem(value: unknown, index: number): BatchItemResult {
  if (value instanceof JsonValueProblem) return valueProblem(value);
  return toObject(value) ?? { ok: false, code: 'BODY_NOT_OBJECT', causes: [`items[${index}]: must be an object`] };
}

function valueProblem(problem: JsonValueProblem): BodyError & { code: 'VALIDATION_FAILED' } {
  return { ok: false, code: 'VALIDATION_FAILED', causes: [`${problem.renderPath()}: ${problem.problem}`] };
}

function toObject(value: unknown): { ok: true; value: JsonObject } | undefined {
  if (value === null) {
    return { ok: true, value: {} };
  }
  return isJsonObject(value) ? { ok: true, value } : undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON.parse checks the syntax; a text it may not read exactly (big integers, huge exponents,
 * escaped surrogates) is read again losslessly. A value problem comes back as the value.
 */
function parseJsonText(text: string, options: { isolateItems?: boolean } = {}): { ok: true; value: unknown } | { ok: false; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: describeJsonSyntaxError(text) };
  }
  if (!needsLosslessParse(text)) return { ok: true, value };
  try {
    return { ok: true, value: parseLosslessJson(text, options) };
  } catch (error) {
    if (error instanceof JsonValueProblem) return { ok: true, value: error };
    if (error instanceof RangeError) return { ok: false, detail: 'nesting too deep' };
    throw error;
  }
}

/** UTF-8 without its BOM; invalid byte sequences become U+FFFD, as Go's decoder (DevLake) does. */
function decodeText(raw: RawBody): string {
  if (raw === null || raw === undefined) {
    return '';
  }
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
