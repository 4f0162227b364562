/**
 * Sort position of a cause or warning (spec api.md §5.2), compared element by element, a prefix
 * first. `[0, …]`: at a key of the request, by key index then element index, depth-first.
 * `[1, depth, …]`: a missing field, outer level first, then elements by index, then table order.
 */
export type SortPosition = readonly number[];

/** Where a field's cause goes: its path as the client spelled it (or would have) and its position. */
export interface CauseSite {
  path: string;
  position: SortPosition;
}

/** A field-level problem before rendering; endpoints add their own and sort them together. */
export interface FieldCause extends CauseSite {
  problem: string;
}

/** A warning with its position, so warnings also come in request order. */
export interface PositionedWarning {
  text: string;
  position: SortPosition;
}

const AT_KEY = 0;
const MISSING = 1;

export function keyPosition(parent: SortPosition, keyIndex: number): SortPosition {
  return [...parent, keyIndex];
}

/** Position of a missing field: `base` holds (array field index, element index) per outer level. */
export function missingPosition(base: readonly number[], fieldIndex: number): SortPosition {
  return [MISSING, base.length / 2, ...base, fieldIndex];
}

export const ROOT_POSITION: SortPosition = [AT_KEY];

export function comparePositions(a: SortPosition, b: SortPosition): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

/** Sorts causes into the spec's order (stable for equal positions) and renders `<path>: <problem>`. */
export function renderCauses(causes: readonly FieldCause[]): string[] {
  return sortByPosition(causes).map((cause) => `${cause.path}: ${cause.problem}`);
}

export function renderWarnings(warnings: readonly PositionedWarning[]): string[] {
  return sortByPosition(warnings).map((warning) => warning.text);
}

function sortByPosition<T extends { position: SortPosition }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePositions(a.position, b.position));
}

/** `unknown key: <path>` */
export function unknownKeyWarning(path: string): string {
  return `unknown key: ${path}`;
}

/** `ignored key: <path> (<reason>)`, for keys known but unused in the chosen form. */
export function ignoredKeyWarning(path: string, reason: string): string {
  return `ignored key: ${path} (${reason})`;
}
