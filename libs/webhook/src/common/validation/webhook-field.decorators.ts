import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ValidateBy, ValidateNested } from 'class-validator';
import { coerceScalar, ScalarFieldSpec } from '../body/coerce-value';
import { isJsonObject } from '../body/parse-json-body';

/**
 * A value the weak-typing step (spec api.md §4.2) could not turn into its field's type. The
 * transformer leaves it in place of the value and the field's validator reports its problem, so
 * the cause texts stay those of `coerceScalar`.
 */
export class RejectedValue {
  constructor(readonly problem: string) {}
}

/** A list whose elements were read one by one: each bad element is its own cause, at `<field>[<index>]`. */
export class RejectedElements extends RejectedValue {
  constructor(readonly elements: readonly { index: number; problem: string }[]) {
    super(elements[0].problem);
  }
}

export interface FieldOptions {
  /** Missing, `null` or `""`: `is required`. */
  required?: boolean;
}

export interface ListOptions extends FieldOptions {
  minItems?: number;
  maxItems?: number;
  /** Singular noun of the count causes: `must contain at least one commit`. */
  itemNoun?: string;
}

type Rule = ScalarFieldSpec extends infer S ? (S extends unknown ? Omit<S, 'name' | 'seed'> : never) : never;

/** A string; numbers and booleans are read as their text; `must be at most <n> characters` in code points. */
export function TextField(options: FieldOptions & { maxLength?: number } = {}): PropertyDecorator {
  return scalarField({ type: 'string', ...options }, { type: String, maxLength: options.maxLength });
}

/** An integer: numeric text is parsed, fractions truncated; `min` 0 → `must not be negative`, 1 → `must be a positive integer`. */
export function IntegerField(options: FieldOptions & { min?: 0 | 1 } = {}): PropertyDecorator {
  return scalarField({ type: 'integer', ...options }, { type: 'integer', minimum: options.min });
}

/** A number; numeric text is parsed. */
export function NumberField(options: FieldOptions & { min?: 0 | 1 } = {}): PropertyDecorator {
  return scalarField({ type: 'number', ...options }, { type: 'number', minimum: options.min });
}

/** `true`/`false`, `"true"`/`"false"`, `"1"`/`"0"`, or a number (non-zero is true). */
export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return scalarField({ type: 'boolean', ...options }, { type: 'boolean' });
}

/** One of `values` (upper-case), matched case-insensitively and stored upper-case. */
export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return scalarField({ type: 'enum', values, ...options }, { enum: [...values], description: 'Any letter case; stored upper-case.' });
}

/** A DevLake time (spec api.md §4.3): ISO 8601-like text, a date alone, or epoch seconds/milliseconds. */
export function TimeField(options: FieldOptions = {}): PropertyDecorator {
  return scalarField(
    { type: 'time', ...options },
    {
      oneOf: [{ type: 'string', format: 'date-time' }, { type: 'number', description: 'epoch seconds (< 10^11) or milliseconds' }],
      description: 'YYYY-MM-DD[(T| )hh:mm[:ss[.f]][Z|±hh:mm|±hhmm]] (no zone is UTC) or epoch time; 1970–2100.',
    },
  );
}

/** An array of objects validated as `element()` instances; one object reads as a one-element array. */
export function ObjectListField(element: () => new () => object, options: ListOptions = {}): PropertyDecorator {
  return applyDecorators(
    // @Type builds the element instances in class-transformer's own pass; the transform then applies the list rules to them.
    Type(element),
    Transform(({ obj, key, value }) => elementsOf(obj[key], value, options)),
    ValidateBy({ name: 'webhookList', validator: { validate: (value) => accepted(value, options), defaultMessage: (args) => problemOf(args?.value) } }),
    ValidateNested({ each: true }),
    ApiProperty({ type: () => [element()], required: !!options.required, minItems: options.minItems, maxItems: options.maxItems }),
  );
}

/**
 * An array of texts, each read like a required `TextField` (numbers and booleans as their text);
 * anything but an array is `must be an array`. Causes name the element: `<field>[3]: must be a string`.
 */
export function TextListField(options: ListOptions & { maxLength?: number } = {}): PropertyDecorator {
  const element = { name: '', seed: '', type: 'string', required: true, maxLength: options.maxLength } as ScalarFieldSpec;
  return applyDecorators(
    Transform(({ obj, key }) => textsOf(obj[key], element, options)),
    ValidateBy({ name: 'webhookTextList', validator: { validate: (value) => accepted(value, options), defaultMessage: (args) => problemOf(args?.value) } }),
    ApiProperty({
      type: 'array',
      items: { type: 'string', maxLength: options.maxLength },
      required: !!options.required,
      minItems: options.minItems,
      maxItems: options.maxItems,
    } as ApiPropertyOptions),
  );
}

function textsOf(raw: unknown, element: ScalarFieldSpec, options: ListOptions): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (!Array.isArray(raw)) return new RejectedValue('must be an array');
  const list: unknown[] = raw;
  const countProblem = itemCountProblem(options, list.length);
  if (countProblem) return new RejectedValue(countProblem);
  const texts: string[] = [];
  const problems: { index: number; problem: string }[] = [];
  list.forEach((item, index) => {
    const result = item === null ? { kind: 'problem' as const, problem: 'is required' } : coerceScalar(element, item);
    if (result.kind === 'value') texts.push(result.value as string);
    else problems.push({ index, problem: result.kind === 'problem' ? result.problem : 'is required' });
  });
  return problems.length > 0 ? new RejectedElements(problems) : texts;
}

function scalarField(rule: Rule, api: ApiPropertyOptions): PropertyDecorator {
  const spec = { name: '', seed: '', ...rule } as ScalarFieldSpec;
  return applyDecorators(
    Transform(({ obj, key }) => coerced(spec, obj[key])),
    ValidateBy({ name: 'webhookField', validator: { validate: (value) => accepted(value, spec), defaultMessage: (args) => problemOf(args?.value) } }),
    ApiProperty({ ...api, required: !!rule.required } as ApiPropertyOptions),
  );
}

function coerced(spec: ScalarFieldSpec, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  const result = coerceScalar(spec, raw);
  if (result.kind === 'value') return result.value;
  return result.kind === 'problem' ? new RejectedValue(result.problem) : undefined;
}

function accepted(value: unknown, options: FieldOptions): boolean {
  return value === undefined ? !options.required : !(value instanceof RejectedValue);
}

function problemOf(value: unknown): string {
  return value instanceof RejectedValue ? value.problem : 'is required';
}

/**
 * The element instances of `raw` (one object reads as a one-element list); elements that were not
 * objects become `null`, so that nested validation reports them (`must be an object`).
 */
function elementsOf(raw: unknown, instances: unknown, options: ListOptions): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (raw === '' && options.required) return new RejectedValue('is required');
  if (isJsonObject(raw)) return [instances];
  if (!Array.isArray(raw)) return new RejectedValue('must be an array');
  const countProblem = itemCountProblem(options, raw.length);
  if (countProblem) return new RejectedValue(countProblem);
  return raw.map((element, index) => (isJsonObject(element) ? (instances as unknown[])[index] : null));
}

function itemCountProblem(options: ListOptions, count: number): string | undefined {
  const noun = options.itemNoun ?? 'item';
  if (options.minItems !== undefined && count < options.minItems) {
    return options.minItems === 1 ? `must contain at least one ${noun}` : `must contain at least ${options.minItems} ${noun}s`;
  }
  if (options.maxItems !== undefined && count > options.maxItems) {
    return `must contain at most ${options.maxItems} ${options.maxItems === 1 ? noun : `${noun}s`}`;
  }
  return undefined;
}
