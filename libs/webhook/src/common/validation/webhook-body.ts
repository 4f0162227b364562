import { ApiProperty, DECORATORS } from '@nestjs/swagger';
import { elementFieldsOf, FieldSpec, spellingsOf } from '../body/field-spec';
import {
  BooleanField,
  EnumField,
  IntegerField,
  NumberField,
  ObjectListField,
  TextField,
  TimeField,
} from './webhook-field.decorators';

export type DtoClass<T extends object = object> = new () => T;

const DTO_OF_FIELDS = new WeakMap<readonly FieldSpec<unknown>[], DtoClass>();

/**
 * Binds a DTO class to the key table its bodies are canonicalised with (spec api.md §4.1): the
 * class validates what `normalizeFields(body, fields)` reads, and its OpenAPI properties take the
 * seed spelling as name, the other spellings in their description. Properties are named after the
 * fields' `name`.
 */
export function WebhookBody(fields: readonly FieldSpec<unknown>[]): ClassDecorator {
  return (target) => {
    DTO_OF_FIELDS.set(fields, target as unknown as DtoClass);
    for (const spec of fields) {
      if (!spec.ignore) documentSpellings(target.prototype, spec);
    }
  };
}

/** The DTO class of a key table: the bound one, else one built from the typed specs (cached). */
export function dtoClassOf(fields: readonly FieldSpec<unknown>[]): DtoClass {
  let dto = DTO_OF_FIELDS.get(fields);
  if (!dto) {
    dto = compileDto(fields);
    DTO_OF_FIELDS.set(fields, dto);
  }
  return dto;
}

function documentSpellings(prototype: object, spec: FieldSpec<unknown>): void {
  const others = spellingsOf(spec).filter((spelling) => spelling !== spec.seed);
  const also = others.length > 0 ? `Also spelled ${others.map((s) => `\`${s}\``).join(', ')}.` : undefined;
  const own: string | undefined = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, spec.name)?.description;
  // An inherited property was documented with its parent class already.
  const description = also && own?.startsWith(also) ? own : [also, own].filter(Boolean).join(' ') || undefined;
  ApiProperty({ name: spec.seed, description })(prototype, spec.name);
}

/** A DTO class for a table that carries its own types (tables written as data, e.g. in tests). */
function compileDto(fields: readonly FieldSpec<unknown>[]): DtoClass {
  const compiled = class CompiledWebhookBody {};
  for (const spec of fields) {
    if (spec.ignore) continue;
    decoratorOf(spec)(compiled.prototype, spec.name);
  }
  return compiled;
}

function decoratorOf(spec: FieldSpec<unknown>): PropertyDecorator {
  const required = { required: spec.required };
  switch (spec.type) {
    case 'string':
      return TextField({ ...required, maxLength: spec.maxLength });
    case 'integer':
      return IntegerField({ ...required, min: spec.min });
    case 'number':
      return NumberField({ ...required, min: spec.min });
    case 'boolean':
      return BooleanField(required);
    case 'enum':
      return EnumField(spec.values, required);
    case 'time':
      return TimeField(required);
    case 'object-array': {
      const elements = elementFieldsOf(spec) ?? [];
      return ObjectListField(() => dtoClassOf(elements), { ...required, minItems: spec.minItems, maxItems: spec.maxItems, itemNoun: spec.itemNoun });
    }
    case undefined:
      throw new Error(`field ${spec.name} has no type and its table no @WebhookBody class`);
  }
}
