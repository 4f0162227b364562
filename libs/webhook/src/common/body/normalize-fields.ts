import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError, ValidatorOptions } from 'class-validator';
import { DtoClass, dtoClassOf } from '../validation/webhook-body';
import { RejectedElements, RejectedValue } from '../validation/webhook-field.decorators';
import { CanonicalLevel, canonicalizeKeys, FieldValue, NormalizedRecord } from './canonicalize-keys';
import { FieldCause, PositionedWarning, renderCauses, renderWarnings, ROOT_POSITION } from './cause-order';
import { elementFieldsOf, FieldSpec } from './field-spec';
import { KeyStyle, usesCamelCase } from './key-lookup';
import { isJsonObject, JsonObject } from './parse-json-body';

export type { FieldValue, NormalizedRecord } from './canonicalize-keys';

export interface NormalizeContext {
  /** Spell missing keys in camelCase whatever the keys sent (the deployment 1.x form). */
  camelCase?: boolean;
  /** The DTO class to validate with; by default the one bound to the key table with `@WebhookBody`. */
  dto?: DtoClass;
}

export interface NormalizeResult<TDto extends object = object> extends NormalizedRecord {
  /** Style of the request, used for missing top-level keys. */
  style: KeyStyle;
  /** Rendered causes, in the spec's order (api.md §5.2). */
  causes: string[];
  /** The same causes with their positions, to be merged with the endpoint's own via `renderCauses`. */
  fieldCauses: FieldCause[];
  /** `unknown key: …` and `ignored key: …` warnings, in request order. */
  warnings: string[];
  /** The validated DTO instance (meaningful only when there are no causes). */
  dto: TDto;
}

const VALIDATION: ValidatorOptions = { stopAtFirstError: true, forbidUnknownValues: false };
const LATER_SPELLING: ValidatorOptions = { ...VALIDATION, skipMissingProperties: true };

/**
 * Reads a body (spec api.md §4): the key step first (case-insensitive keys, every spelling, `null`
 * as absent, unknown and ignored keys as warnings), then validation through the DTO class bound to
 * `specs` with `@WebhookBody` (weak typing, checks), then conflicts between spellings; all causes
 * at once in the spec's order.
 *
 * @example
 * const result = normalizeFields(body, ISSUE_FIELDS);
 * if (result.causes.length) { ... } else { const issue = result.dto as IssueDto; }
 */
export function normalizeFields<TFlags, TDto extends object = object>(
  obj: JsonObject,
  specs: readonly FieldSpec<TFlags>[],
  context: NormalizeContext = {},
): NormalizeResult<TDto> {
  const style: KeyStyle = context.camelCase || usesCamelCase(obj, specs) ? 'camel' : 'seed';
  const warnings: PositionedWarning[] = [];
  const canonical = canonicalizeKeys(obj, specs, { prefix: '', keyBase: ROOT_POSITION, missingBase: [], requestStyle: style }, warnings);
  const dtoClass = (context.dto ?? dtoClassOf(specs as readonly FieldSpec<unknown>[])) as DtoClass<TDto>;
  const dto = plainToInstance(dtoClass, canonical.plain);
  const causes: FieldCause[] = [];
  readLevel(canonical, dto, validateSync(dto, VALIDATION), causes);
  return {
    ...canonical.record,
    style,
    causes: renderCauses(causes),
    fieldCauses: causes,
    warnings: renderWarnings(warnings),
    dto,
  };
}

/**
 * Turns the validation errors of one level into causes at the keys as sent, checks its later
 * spellings, and fills its record with the decoded values; then the same for each element.
 */
function readLevel(level: CanonicalLevel, dto: object, errors: ValidationError[], causes: FieldCause[]): void {
  const failed = new Set<string>();
  const elementErrors = new Map<string, ValidationError[]>();
  for (const error of errors) {
    const problem = firstMessage(error);
    const value = (dto as Record<string, unknown>)[error.property];
    if (value instanceof RejectedElements) {
      failed.add(error.property);
      const site = level.record.locate(error.property);
      for (const element of value.elements) {
        causes.push({ path: `${site.path}[${element.index}]`, position: [...site.position, element.index], problem: element.problem });
      }
    } else if (problem !== undefined) {
      failed.add(error.property);
      causes.push({ ...level.record.locate(error.property), problem });
    } else {
      elementErrors.set(error.property, error.children ?? []);
    }
  }
  checkLaterSpellings(level, dto, failed, causes);
  const { record } = level;
  for (const name of Object.keys(level.plain)) {
    const value = (dto as Record<string, unknown>)[name];
    if (value === undefined || value instanceof RejectedValue) {
      delete record.sent[name];
    } else if (level.elements[name]) {
      record.values[name] = readElements(level, name, value as unknown[], elementErrors.get(name) ?? [], causes);
    } else {
      record.values[name] = value as FieldValue;
    }
  }
}

function readElements(level: CanonicalLevel, name: string, elements: unknown[], errors: ValidationError[], causes: FieldCause[]): NormalizedRecord[] {
  const site = level.record.locate(name);
  const errorsByIndex = new Map(errors.map((error) => [Number(error.property), error]));
  const records: NormalizedRecord[] = [];
  elements.forEach((element, index) => {
    const elementLevel = level.elements[name][index];
    const error = errorsByIndex.get(index);
    if (!elementLevel || element === null) {
      causes.push({ path: `${site.path}[${index}]`, position: [...site.position, index], problem: 'must be an object' });
      return;
    }
    readLevel(elementLevel, element as object, error?.children ?? [], causes);
    records.push(elementLevel.record);
  });
  return records;
}

/** A later spelling must hold the first one's value, as sent or once decoded (spec api.md §4.1). */
function checkLaterSpellings(level: CanonicalLevel, dto: object, failed: Set<string>, causes: FieldCause[]): void {
  for (const { spec, first, later } of level.laterSpellings) {
    for (const entry of later) {
      if (sameJson(entry.value, first.value)) continue;
      // Arrays are compared as sent: decoding a second copy would repeat every element cause.
      if (elementFieldsOf(spec)) {
        if (!failed.has(spec.name)) causes.push({ ...entry.site, problem: `conflicts with ${first.site.path}` });
        continue;
      }
      const alone = plainToInstance(dto.constructor as DtoClass, { [spec.name]: entry.value });
      const problem = validateSync(alone, LATER_SPELLING).map(firstMessage).find((message) => message !== undefined);
      const decoded = (alone as Record<string, unknown>)[spec.name];
      if (problem !== undefined) {
        causes.push({ ...entry.site, problem });
      } else if (!failed.has(spec.name) && !sameValue((dto as Record<string, unknown>)[spec.name], decoded)) {
        causes.push({ ...entry.site, problem: `conflicts with ${first.site.path}` });
      }
    }
  }
}

function firstMessage(error: ValidationError): string | undefined {
  const constraints = error.constraints;
  if (!constraints) return undefined;
  for (const name in constraints) return constraints[name];
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
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
