/** Below this absolute value an epoch number is read as seconds, from it on as milliseconds. */
const SECONDS_LIMIT = 1e11;
/** Far outside the accepted range whatever the unit; spares the decimal arithmetic below. */
const HOPELESS_MAGNITUDE = 1e17;

/**
 * Converts a JSON epoch number (seconds below 10^11, else milliseconds, fractions allowed) to epoch
 * milliseconds rounded half away from zero, as MySQL rounds into `datetime(3)`.
 * Returns ±Infinity for magnitudes that cannot be in range.
 */
export function epochNumberToMillis(value: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude >= HOPELESS_MAGNITUDE) {
    return value < 0 ? -Infinity : Infinity;
  }
  const rounded = shiftAndRound(magnitude, magnitude < SECONDS_LIMIT ? 3 : 0);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * magnitude × 10^shift rounded half up, computed on the shortest decimal text of the number so that
 * binary noise (1577880000.1235 × 1000 = …123.49999) cannot flip the rounding.
 */
function shiftAndRound(magnitude: number, shift: number): number {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(magnitude.toString());
  if (!match) {
    throw new RangeError(`unexpected number text ${magnitude}`);
  }
  const [, whole, fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent) + shift;
  if (point <= 0) {
    // Everything is below 1: only a first digit right at the point can round up.
    return point === 0 && digits[0] >= '5' ? 1 : 0;
  }
  const integerText = digits.slice(0, point).padEnd(point, '0');
  const nextDigit = digits[point] ?? '0';
  return Number(integerText) + (nextDigit >= '5' ? 1 : 0);
}
