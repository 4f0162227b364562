export {
  comparePositions,
  ignoredKeyWarning,
  renderCauses,
  renderWarnings,
  unknownKeyWarning,
} from './cause-order';
export type { CauseSite, FieldCause, PositionedWarning, SortPosition } from './cause-order';
export { codePointLength, decimalText } from './coerce-value';
export type { ScalarValue } from './coerce-value';
export { elementFieldsOf, mapFields, spellingsOf } from './field-spec';
export type {
  BooleanFieldSpec,
  EnumFieldSpec,
  FieldSpec,
  FieldType,
  KeyFieldSpec,
  IgnoreRule,
  NumericFieldSpec,
  ObjectArrayFieldSpec,
  StringFieldSpec,
  TimeFieldSpec,
} from './field-spec';
export { findKeyValue } from './key-lookup';
export type { KeyStyle } from './key-lookup';
export { normalizeFields } from './normalize-fields';
export type { FieldValue, NormalizeContext, NormalizedRecord, NormalizeResult } from './normalize-fields';
export { isJsonObject, parseBatchBody, parseJsonBody } from './parse-json-body';
export type {
  BatchBodyOptions,
  BatchBodyResult,
  BatchItemResult,
  BodyError,
  BodyErrorCode,
  JsonBodyResult,
  JsonObject,
} from './parse-json-body';
