import { asciiLowerCase } from './coerce-value';
import { elementFieldsOf, FieldSpec, spellingsOf } from './field-spec';
import { isJsonObject, JsonObject } from './parse-json-body';

/** Spelling style of a request: seed (snake_case) or 1.x (camelCase). */
export type KeyStyle = 'seed' | 'camel';

// Key tables are constants: what is derived from one is kept (folding every spelling for every key was most of a body's cost).
const INDEX_OF_TABLE = new WeakMap<readonly FieldSpec<unknown>[], Map<string, number>>();
const STYLE_OF_TABLE = new WeakMap<readonly FieldSpec<unknown>[], Map<string, KeyStyle>>();

/** Index of the field spelled by each lower-cased spelling. Throws on a spelling used twice. */
export function spellingIndex(specs: readonly FieldSpec<unknown>[]): Map<string, number> {
  let index = INDEX_OF_TABLE.get(specs);
  if (!index) {
    index = buildSpellingIndex(specs);
    INDEX_OF_TABLE.set(specs, index);
  }
  return index;
}

function buildSpellingIndex(specs: readonly FieldSpec<unknown>[]): Map<string, number> {
  const index = new Map<string, number>();
  specs.forEach((spec, fieldIndex) => {
    for (const spelling of spellingsOf(spec)) {
      const folded = asciiLowerCase(spelling);
      const owner = index.get(folded);
      if (owner !== undefined && owner !== fieldIndex) {
        throw new Error(`spelling ${spelling} belongs to two fields`);
      }
      index.set(folded, fieldIndex);
    }
  });
  return index;
}

/**
 * The first key of `obj` (request order) spelled as one of `spellings`, case-insensitively, whose
 * value is not `null`: how an endpoint picks its form (a top-level `id`, `deploymentCommits`).
 */
export function findKeyValue(obj: JsonObject, spellings: readonly string[]): { key: string; value: unknown } | undefined {
  const wanted = new Set(spellings.map(asciiLowerCase));
  const key = Object.keys(obj).find((candidate) => wanted.has(asciiLowerCase(candidate)) && obj[candidate] != null);
  return key === undefined ? undefined : { key, value: obj[key] };
}

/**
 * Style shown by an object's own keys: `camel` when one is the camelCase spelling of a multi-word
 * field, `seed` when one is the seed spelling of such a field, else undefined. Fields spelled the
 * same in both styles (`deploymentCommits`, single words) and aliases show no style.
 */
export function ownKeyStyle(obj: JsonObject, specs: readonly FieldSpec<unknown>[]): KeyStyle | undefined {
  const styleOfKey = keyStyles(specs);
  let style: KeyStyle | undefined;
  for (const key of Object.keys(obj)) {
    const keyStyle = styleOfKey.get(asciiLowerCase(key));
    if (keyStyle === 'camel') {
      return 'camel';
    }
    style = keyStyle ?? style;
  }
  return style;
}

/** Style shown by each lower-cased spelling of a multi-word field; a camelCase reading wins. */
function keyStyles(specs: readonly FieldSpec<unknown>[]): Map<string, KeyStyle> {
  let styles = STYLE_OF_TABLE.get(specs);
  if (!styles) {
    styles = new Map();
    for (const spec of specs) {
      if (!spec.camel || asciiLowerCase(spec.camel) === asciiLowerCase(spec.seed)) {
        continue;
      }
      styles.set(asciiLowerCase(spec.camel), 'camel');
      const seed = asciiLowerCase(spec.seed);
      if (styles.get(seed) !== 'camel') {
        styles.set(seed, 'seed');
      }
    }
    STYLE_OF_TABLE.set(specs, styles);
  }
  return styles;
}

/** True when any object of the request, at any depth, shows the camelCase style. */
export function usesCamelCase(obj: JsonObject, specs: readonly FieldSpec<unknown>[]): boolean {
  if (ownKeyStyle(obj, specs) === 'camel') {
    return true;
  }
  const index = spellingIndex(specs);
  return Object.keys(obj).some((key) => {
    const spec = specs[index.get(asciiLowerCase(key)) ?? -1];
    const fields = spec && elementFieldsOf(spec);
    if (!fields) {
      return false;
    }
    const value = obj[key];
    const elements = Array.isArray(value) ? value : [value];
    return elements.some((element) => isJsonObject(element) && usesCamelCase(element, fields));
  });
}
