import {
  CauseSite,
  ignoredKeyWarning,
  keyPosition,
  missingPosition,
  PositionedWarning,
  SortPosition,
  unknownKeyWarning,
} from './cause-order';
import { asciiLowerCase, ScalarValue } from './coerce-value';
import { elementFieldsOf, FieldSpec } from './field-spec';
import { KeyStyle, ownKeyStyle, spellingIndex } from './key-lookup';
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

export interface Level {
  /** Path prefix of this object's keys: `''` or `deploymentCommits[1].`. */
  prefix: string;
  keyBase: SortPosition;
  missingBase: readonly number[];
  requestStyle: KeyStyle;
}

export interface Entry {
  key: string;
  value: unknown;
  site: CauseSite;
}

/** A field sent under more than one spelling: the later ones must decode to the first one's value. */
export interface LaterSpellings {
  spec: FieldSpec<unknown>;
  first: Entry;
  later: Entry[];
}

/** One object with canonical keys: what its DTO class reads, and where each field came from. */
export interface CanonicalLevel {
  /** Field name → the first non-null value sent; an array of objects holds canonical elements. */
  plain: Record<string, unknown>;
  /** Filled with the decoded values once the DTO has validated `plain`. */
  record: NormalizedRecord;
  laterSpellings: LaterSpellings[];
  /** Element levels of each array field by index (undefined where an element is not an object). */
  elements: Record<string, (CanonicalLevel | undefined)[]>;
}

/**
 * The key step of spec api.md §4.1 for one object: case-insensitive keys, every spelling, `null`
 * as absent, first non-null spelling wins, unknown and ignored keys as warnings. Values are left
 * as sent: decoding them is the DTO's job.
 */
export function canonicalizeKeys<TFlags>(
  obj: JsonObject,
  specs: readonly FieldSpec<TFlags>[],
  level: Level,
  warnings: PositionedWarning[],
): CanonicalLevel {
  const index = spellingIndex(specs);
  const entries: Entry[][] = specs.map(() => []);
  Object.keys(obj).forEach((key, keyIndex) => {
    const site = { path: level.prefix + key, position: keyPosition(level.keyBase, keyIndex) };
    const fieldIndex = index.get(asciiLowerCase(key));
    if (fieldIndex === undefined) {
      warnings.push({ text: unknownKeyWarning(site.path), position: site.position });
    } else {
      entries[fieldIndex].push({ key, value: obj[key], site });
    }
  });

  const style = ownKeyStyle(obj, specs) ?? level.requestStyle;
  const sites = new Map<string, CauseSite>();
  const canonical: CanonicalLevel = {
    plain: {},
    record: {
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
    },
    laterSpellings: [],
    elements: {},
  };

  specs.forEach((spec, fieldIndex) => {
    const fieldEntries = entries[fieldIndex];
    // JSON null means absent; undefined can only come from a caller-built object, and means the same.
    const present = fieldEntries.filter((entry) => entry.value !== null && entry.value !== undefined);
    const chosen = present[0] ?? fieldEntries[0];
    const missingKey = style === 'camel' ? (spec.camel ?? spec.seed) : spec.seed;
    sites.set(spec.name, chosen?.site ?? { path: level.prefix + missingKey, position: missingPosition(level.missingBase, fieldIndex) });
    if (chosen) {
      canonical.record.spelledAs[spec.name] = chosen.key;
    }
    if (spec.ignore) {
      const ignore = spec.ignore;
      if ('reason' in ignore) {
        present.forEach((entry) => warnings.push({ text: ignoredKeyWarning(entry.site.path, ignore.reason), position: entry.site.position }));
      }
      return;
    }
    if (present.length === 0) {
      return;
    }
    const [first, ...later] = present;
    canonical.record.sent[spec.name] = first.value;
    if (later.length > 0) {
      canonical.laterSpellings.push({ spec, first, later });
    }
    const fields = elementFieldsOf(spec);
    if (!fields) {
      canonical.plain[spec.name] = first.value;
      return;
    }
    const elementLevel = { ...level, missingBase: [...level.missingBase, fieldIndex] };
    canonical.plain[spec.name] = canonicalElements(first, fields, elementLevel, canonical, spec.name, warnings);
  });
  return canonical;
}

/** An array of objects (or one object, read as one element): each element object gets canonical keys. */
function canonicalElements<TFlags>(
  entry: Entry,
  fields: readonly FieldSpec<TFlags>[],
  outer: Level,
  parent: CanonicalLevel,
  name: string,
  warnings: PositionedWarning[],
): unknown {
  const raw = entry.value;
  const single = isJsonObject(raw);
  if (!Array.isArray(raw) && !single) {
    return raw;
  }
  const levels: (CanonicalLevel | undefined)[] = [];
  const elements = (single ? [raw] : raw).map((element, elementIndex) => {
    if (!isJsonObject(element)) {
      levels.push(undefined);
      return element;
    }
    const path = `${entry.site.path}[${elementIndex}]`;
    const position = [...entry.site.position, elementIndex];
    const level: Level = {
      prefix: `${path}.`,
      keyBase: position,
      missingBase: [...outer.missingBase, elementIndex],
      requestStyle: outer.requestStyle,
    };
    const canonical = canonicalizeKeys(element, fields, level, warnings);
    levels.push(canonical);
    return canonical.plain;
  });
  parent.elements[name] = levels;
  return single ? elements[0] : elements;
}
