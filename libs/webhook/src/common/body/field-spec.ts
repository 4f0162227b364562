/** How a known key that the chosen form does not use is reported. */
export type IgnoreRule =
  /** Warning `ignored key: <path> (<reason>)`. */
  | { reason: string }
  /** Accepted without a warning (the pull-request `id`, spec api.md §11). */
  | { silent: true };

interface FieldSpecBase<TFlags> {
  /** Key of the field in `values`, `spelledAs`, `sent`. */
  name: string;
  /** Seed spelling (snake_case): used for a missing key in a seed-style request. */
  seed: string;
  /** 1.x spelling (camelCase) when it differs from the seed one. */
  camel?: string;
  /** Further accepted spellings (`deployment_commits`, the pull-request `title`). */
  aliases?: readonly string[];
  /** Missing, `null` or `""` gives `is required` (typed specs; a DTO class says it with its decorators). */
  required?: boolean;
  /** When set, the field is known but unused: it is reported, never decoded nor required. */
  ignore?: IgnoreRule;
  /** Free-form data for the endpoint (forms using the field, column, …); never read here. */
  flags?: TFlags;
}

export interface StringFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'string';
  /** In Unicode code points: `must be at most <n> characters`. */
  maxLength?: number;
}

export interface NumericFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'integer' | 'number';
  /** 0: `must not be negative`; 1: `must be a positive integer`. */
  min?: 0 | 1;
}

export interface BooleanFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'boolean';
}

export interface TimeFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'time';
}

export interface EnumFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'enum';
  /** Upper-case values, in the order the cause lists them. */
  values: readonly string[];
}

export interface ObjectArrayFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type: 'object-array';
  /** Fields of each element. */
  fields: readonly FieldSpec<TFlags>[];
  /** With `itemNoun`: `must contain at least one <noun>` (1) / `… at least <n> <noun>s`. */
  minItems?: number;
  /** With `itemNoun`: `must contain at most <n> <noun>s`. */
  maxItems?: number;
  /** Singular noun of the count causes, e.g. `commit`. */
  itemNoun?: string;
}

/**
 * A field known by its spellings only: its type and checks are the decorators of the DTO class the
 * body is validated with (`@WebhookBody`). `fields` marks an array of objects and spells its elements.
 */
export interface KeyFieldSpec<TFlags = unknown> extends FieldSpecBase<TFlags> {
  type?: undefined;
  fields?: readonly FieldSpec<TFlags>[];
}

/** One field described as data: its spellings, and its type and checks unless a DTO class holds them (spec api.md §4). */
export type FieldSpec<TFlags = unknown> =
  | KeyFieldSpec<TFlags>
  | StringFieldSpec<TFlags>
  | NumericFieldSpec<TFlags>
  | BooleanFieldSpec<TFlags>
  | TimeFieldSpec<TFlags>
  | EnumFieldSpec<TFlags>
  | ObjectArrayFieldSpec<TFlags>;

export type FieldType = NonNullable<FieldSpec['type']>;

/** The element fields of an array of objects, else undefined. */
export function elementFieldsOf<TFlags>(spec: FieldSpec<TFlags>): readonly FieldSpec<TFlags>[] | undefined {
  return spec.type === 'object-array' || spec.type === undefined ? spec.fields : undefined;
}

/** Every accepted spelling of a field: seed, camel, aliases. */
export function spellingsOf(spec: FieldSpec<unknown>): string[] {
  return [spec.seed, ...(spec.camel ? [spec.camel] : []), ...(spec.aliases ?? [])];
}

/**
 * Rewrites a field list for one form, at every depth (element fields first): the callback returns
 * the spec to use (e.g. with `required` or `ignore` set from its flags).
 */
export function mapFields<TFlags>(
  specs: readonly FieldSpec<TFlags>[],
  rewrite: (spec: FieldSpec<TFlags>) => FieldSpec<TFlags>,
): FieldSpec<TFlags>[] {
  return specs.map((spec) => {
    const fields = elementFieldsOf(spec);
    return rewrite(fields ? ({ ...spec, fields: mapFields(fields, rewrite) } as FieldSpec<TFlags>) : spec);
  });
}
