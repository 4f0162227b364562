import { asciiLowerCase } from './coerce-value';
import { elementFieldsOf, FieldSpec, spellingsOf } from './field-spec';
import { isJsonObject, JsonObject } from './parse-json-body';

/** Spelling style of a request: seed (snake_case) or 1.x (camelCase). */
export type KeyStyle = 'seed' | 'camel';

/** Index of the field spelled by each lower-cased spelling. Throws on a spelling used twice. */
export function spellingIndex(specs: readonly FieldSpec<unknown>[]): Map<string, number> {
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
  let style: KeyStyle | undefined;
  for (const key of Object.keys(obj)) {
    const folded = asciiLowerCase(key);
    for (const spec of specs) {
      if (!spec.camel || asciiLowerCase(spec.camel) === asciiLowerCase(spec.seed)) {
        continue;
      }
      if (folded === asciiLowerCase(spec.camel)) {
        return 'camel';
      }
      if (folded === asciiLowerCase(spec.seed)) {
        style = 'seed';
      }
    }
  }
  return style;
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
