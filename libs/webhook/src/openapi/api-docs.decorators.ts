import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ExampleObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { DtoClass } from '../common/validation';
import { ErrorEnvelopeSchema, SuccessEnvelopeSchema } from './envelope.schema';

/** Security scheme names of the document (see createWebhookOpenApiDocument). */
export const API_KEY_SCHEME = 'apiKey';
export const ADMIN_SCHEME = 'admin';

const ERROR_STATUSES: [number, string][] = [
  [400, 'Body or path not valid: `causes` names every bad field'],
  [401, 'No or malformed credentials'],
  [403, 'Key invalid, expired or out of scope'],
  [404, 'Route, connection or record not found'],
  [413, 'Body or batch too large'],
  [429, 'Rate limited (`Retry-After`)'],
  [503, 'Database unavailable (`Retry-After: 5`)'],
];

/** The envelopes every library route answers with (spec api.md §5). */
export function ApiEnvelopeResponses(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeSchema, SuccessEnvelopeSchema),
    ...ERROR_STATUSES.map(([status, description]) => ApiResponse({ status, description, type: ErrorEnvelopeSchema })),
  );
}

/**
 * Documents an ingestion body: one of `forms` (DTO classes), with examples; `batch` for the JSON
 * array (or NDJSON) of such bodies.
 */
export function ApiIngestionBody(forms: DtoClass[], examples: Record<string, ExampleObject>, options: { batch?: boolean } = {}): MethodDecorator {
  const one: SchemaObject | ReferenceObject = forms.length === 1 ? { $ref: getSchemaPath(forms[0]) } : { oneOf: forms.map((form) => ({ $ref: getSchemaPath(form) })) };
  const schema = (options.batch ? { type: 'array', items: one, minItems: 1 } : one) as SchemaObject;
  const batchExamples = Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, { ...example, value: [example.value] }]));
  return applyDecorators(
    ApiExtraModels(...forms),
    ApiBody({
      schema,
      examples: options.batch ? batchExamples : examples,
      description: options.batch
        ? 'A JSON array of bodies (or NDJSON with Content-Type application/x-ndjson); each item is answered on its own.'
        : 'JSON whatever the Content-Type. Keys match in any letter case, in the seed (snake_case) or 1.x (camelCase) spelling; unknown keys are reported in data.warnings.',
    }),
    ApiOkResponse({ description: 'Written (or previewed with ?dryRun=true)', type: SuccessEnvelopeSchema }),
  );
}
