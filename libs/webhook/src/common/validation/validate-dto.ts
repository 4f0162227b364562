import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { WebhookErrorCode, WebhookException } from '../errors';

/** Constraint names reported first: a missing value hides every other problem of its field. */
const PRECEDENCE = ['isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean'];

/**
 * Validates a plain object against a class-validator DTO whose messages are the spec's cause texts
 * (`is required`, `must be a string`, …) and returns the instance, or throws one 400
 * `input json error` with a `<field>: <problem>` cause per bad field.
 */
export function validateDto<T extends object>(dtoClass: new () => T, plain: Record<string, unknown>): T {
  const instance = plainToInstance(dtoClass, plain);
  const errors = validateSync(instance, { forbidUnknownValues: false });
  const causes = errors.flatMap((error) => causesOf(error, ''));
  if (causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes });
  return instance;
}

function causesOf(error: ValidationError, parent: string): string[] {
  const path = parent ? `${parent}.${error.property}` : error.property;
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints).sort((a, b) => rank(a) - rank(b));
  const own = names.length > 0 ? [`${path}: ${constraints[names[0]]}`] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => causesOf(child, path))];
}

function rank(name: string): number {
  const index = PRECEDENCE.indexOf(name);
  return index < 0 ? PRECEDENCE.length : index;
}
