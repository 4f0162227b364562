import {
  CauseSite,
  FieldCause,
  ignoredKeyWarning,
  keyPosition,
  missingPosition,
  PositionedWarning,
  renderCauses,
  renderWarnings,
  ROOT_POSITION,
  SortPosition,
  unknownKeyWarning,
} from './cause-order';
import { asciiLowerCase, coerceScalar, Coerced, ScalarValue } from './coerce-value';
import { FieldSpec, ObjectArrayFieldSpec } from './field-spec';
import { KeyStyle, ownKeyStyle, spellingIndex, usesCamelCase } from './key-lookup';
import { isJsonObject, JsonObject } from './parse-json-body';

/** A decoded field: a scalar, or the records of an array of objects. */
export type FieldValue = ScalarValue | NormalizedRecord[];

/** One decoded object (the body, or one array element). Meaningful only when there are no causes. */
export interface NormalizedRecord {
  /** Decoded values by field name; absent (missing, `null`, ignored) fields are left out. */
  values: Record<string, FieldValue>;
  /** The key the client used for each field it sent (also when its value was `null`). */
  spelledAs: Record<string, string>;
  /** The JSON value as sent for each decoded field, e.g. an enumeration before upper-casing. */
  sent: Record<string, unknown>;
  /** Path of this object: `''` for the body, `deploymentCommits[1]` for an element. */
  path: string;
  /** Where a cause about a field goes: its key as sent, else the field in the request's style. */
  locate(name: string): CauseSite;
}

export interface NormalizeContext {
  /** Spell missing keys in camelCase whatever the keys sent (the deployment 1.x form). */
  camelCase?: boolean;
}

export interface NormalizeResult extends NormalizedRecord {
  /** Style of the request, used for missing top-level keys. */
  style: KeyStyle;
  /** Rendered causes, in the spec's order (api.md §5.2). */
  causes: string[];
  /** The same causes with their positions, to be merged with the endpoint's own via `renderCauses`. */
  fieldCauses: FieldCause[];
  /** `unknown key: …` and `ignored key: …` warnings, in request order. */
  warnings: string[];
}

interface Level {
  /** Path prefix of this object's keys: `''` or `deploymentCommits[1].`. */
  prefix: string;
  keyBase: SortPosition;
  missingBase: readonly number[];
  requestStyle: KeyStyle;
}

interface Entry {
  key: string;
  value: unknown;
  site: CauseSite;
}

interface Collector {
  causes: FieldCause[];
  warnings: PositionedWarning[];
}

/**
 * Decodes an object against a field list (spec api.md §4): case-insensitive keys, every spelling,
 * `null` as absent, conflicts between spellings, weak typing, checks, unknown and ignored keys,
 * all causes at once in the spec's order.
 *
 * @example
 * const result = normalizeFields(body, [{ name: 'startTime', seed: 'start_time', camel: 'startedDate', type: 'time', required: true }]);
 * if (result.causes.length) { ... } else { const start = result.values.startTime as Date; }
 */
export function normalizeFields<TFlags>(
  obj: JsonObject,
  specs: readonly FieldSpec<TFlags>[],
  context: NormalizeContext = {},
): NormalizeResult {
  const style: KeyStyle = context.camelCase || usesCamelCase(obj, specs) ? 'camel' : 'seed';
  const out: Collector = { causes: [], warnings: [] };
  const record = normalizeLevel(obj, specs, { prefix: '', keyBase: ROOT_POSITION, missingBase: [], requestStyle: style }, out);
  return {
    ...record,
    style,
    causes: renderCauses(out.causes),
    fieldCauses: out.causes,
    warnings: renderWarnings(out.warnings),
  };
}

function normalizeLevel<TFlags>(obj: JsonObject, specs: readonly FieldSpec<TFlags>[], level: Level, out: Collector): NormalizedRecord {
  const index = spellingIndex(specs);
  const entries: Entry[][] = specs.map(() => []);
  Object.keys(obj).forEach((key, keyIndex) => {
    const site = { path: level.prefix + key, position: keyPosition(level.keyBase, keyIndex) };
    const fieldIndex = index.get(asciiLowerCase(key));
    if (fieldIndex === undefined) {
      out.warnings.push({ text: unknownKeyWarning(site.path), position: site.position });
    } else {
      entries[fieldIndex].push({ key, value: obj[key], site });
    }
  });

  const style = ownKeyStyle(obj, specs) ?? level.requestStyle;
  const sites = new Map<string, CauseSite>();
  const record: NormalizedRecord = {
    values: {},
    spelledAs: {},
    sent: {},
    path: level.prefix.replace(/\.$/, ''),
    locate: (name) => {
      const site = sites.get(name);
      if (!site) {
        throw new Error(`no field named ${name}`);
      }
      return site;
    },
  };

  specs.forEach((spec, fieldIndex) => {
    const fieldEntries = entries[fieldIndex];
    // JSON null means absent; undefined can only come from a caller-built object, and means the same.
    const present = fieldEntries.filter((entry) => entry.value !== null && entry.value !== undefined);
    const chosen = present[0] ?? fieldEntries[0];
    const missingKey = style === 'camel' ? (spec.camel ?? spec.seed) : spec.seed;
    sites.set(spec.name, chosen?.site ?? { path: level.prefix + missingKey, position: missingPosition(level.missingBase, fieldIndex) });
    if (chosen) {
      record.spelledAs[spec.name] = chosen.key;
    }
    if (spec.ignore) {
      const ignore = spec.ignore;
      if ('reason' in ignore) {
        present.forEach((entry) => out.warnings.push({ text: ignoredKeyWarning(entry.site.path, ignore.reason), position: entry.site.position }));
      }
      return;
    }
    if (present.length === 0) {
      if (spec.required) {
        out.causes.push({ ...record.locate(spec.name), problem: 'is required' });
      }
      return;
    }
    decodeField(spec, present, { ...level, missingBase: [...level.missingBase, fieldIndex] }, record, out);
  });
  return record;
}

/**
 * Decodes the first non-null spelling of a field into `record`; every later spelling must hold
 * the same value (as sent, or once decoded), else `<later>: conflicts with <first>`.
 */
function decodeField(
  spec: FieldSpec<unknown>,
  present: readonly Entry[],
  arrayLevel: Level,
  record: NormalizedRecord,
  out: Collector,
): void {
  const decode = (entry: Entry): Coerced<FieldValue> =>
    spec.type === 'object-array' ? decodeObjectArray(spec, entry, arrayLevel, out) : coerceScalar(spec, entry.value);
  const [first, ...later] = present;
  const firstResult = decode(first);
  report(firstResult, first, out);
  if (firstResult.kind === 'value') {
    record.values[spec.name] = firstResult.value;
    record.sent[spec.name] = first.value;
  }
  for (const entry of later) {
    if (sameJson(entry.value, first.value)) {
      continue;
    }
    // Arrays are compared as sent: decoding a second copy would repeat every element cause.
    const result: Coerced<FieldValue> = spec.type === 'object-array' ? { kind: 'absent' } : decode(entry);
    if (result.kind === 'problem') {
      report(result, entry, out);
    } else if (firstResult.kind !== 'problem' && (spec.type === 'object-array' || !sameDecoded(firstResult, result))) {
      out.causes.push({ ...entry.site, problem: `conflicts with ${first.site.path}` });
    }
  }
}

/**
 * An array of objects (one object reads as a one-element array); each element is decoded against
 * the nested fields. Returns the element records as the field's value.
 */
function decodeObjectArray(
  spec: ObjectArrayFieldSpec<unknown>,
  entry: Entry,
  outer: Level,
  out: Collector,
): Coerced<NormalizedRecord[]> {
  const raw = entry.value;
  if (raw === '' && spec.required) {
    return { kind: 'problem', problem: 'is required' };
  }
  const elements = Array.isArray(raw) ? raw : isJsonObject(raw) ? [raw] : undefined;
  if (!elements) {
    return { kind: 'problem', problem: 'must be an array' };
  }
  const countProblem = itemCountProblem(spec, elements.length);
  if (countProblem) {
    return { kind: 'problem', problem: countProblem };
  }
  const records: NormalizedRecord[] = [];
  elements.forEach((element, elementIndex) => {
    const path = `${entry.site.path}[${elementIndex}]`;
    const position = [...entry.site.position, elementIndex];
    if (!isJsonObject(element)) {
      out.causes.push({ path, position, problem: 'must be an object' });
      return;
    }
    const level: Level = {
      prefix: `${path}.`,
      keyBase: position,
      missingBase: [...outer.missingBase, elementIndex],
      requestStyle: outer.requestStyle,
    };
    records.push(normalizeLevel(element, spec.fields, level, out));
  });
  return { kind: 'value', value: records };
}

function itemCountProblem(spec: ObjectArrayFieldSpec<unknown>, count: number): string | undefined {
  const noun = spec.itemNoun ?? 'item';
  if (spec.minItems !== undefined && count < spec.minItems) {
    return spec.minItems === 1 ? `must contain at least one ${noun}` : `must contain at least ${spec.minItems} ${noun}s`;
  }
  if (spec.maxItems !== undefined && count > spec.maxItems) {
    return `must contain at most ${spec.maxItems} ${spec.maxItems === 1 ? noun : `${noun}s`}`;
  }
  return undefined;
}

function report(result: Coerced<FieldValue>, entry: Entry, out: Collector): void {
  if (result.kind === 'problem') {
    out.causes.push({ ...entry.site, problem: result.problem });
  }
}

function sameDecoded(a: Coerced<FieldValue>, b: Coerced<FieldValue>): boolean {
  if (a.kind !== 'value' || b.kind !== 'value') {
    return a.kind === b.kind;
  }
  return a.value instanceof Date && b.value instanceof Date ? a.value.getTime() === b.value.getTime() : a.value === b.value;
}

/** Deep equality of two JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}
