/**
 * A JSON reader that never changes what was sent (issue 12): an integer literal beyond 2^53 is kept
 * as its exact digits (a string, so that an identifier sent as a number is stored as sent and an
 * integer field refuses it), a number that does not fit a double (`1e400`) and an escaped lone
 * UTF-16 surrogate (`"\ud800"`) are refused with the path of the value.
 *
 * Only the problems are reported here; the text is known to be valid JSON (JSON.parse accepted it).
 */

/** A value JSON.parse would not read as sent: its path from the document root and why. */
export class JsonValueProblem {
  constructor(
    readonly path: (string | number)[],
    readonly problem: string,
  ) {}

  /** `issue_key`, `labels[2].name`; `body` for the document itself. */
  renderPath(): string {
    return renderJsonPath(this.path);
  }
}

export function renderJsonPath(path: (string | number)[]): string {
  let rendered = '';
  for (const step of path) {
    rendered += typeof step === 'number' ? `[${step}]` : rendered === '' ? step : `.${step}`;
  }
  return rendered === '' ? 'body' : rendered;
}

/**
 * Cheap test for texts JSON.parse reads exactly: no run of 16+ digits (an integer up to 15 digits
 * is safe), no exponent of 3+ digits, no escaped surrogate.
 */
const MAY_NEED_LOSSLESS = /\d{16}|[eE][+-]?\d{3}|\\u[dD][89a-fA-F]/;

export function needsLosslessParse(text: string): boolean {
  return MAY_NEED_LOSSLESS.test(text);
}

const SAFE_INTEGER_LITERAL = /^-?\d{1,15}$/;
const INTEGER_LITERAL = /^-?\d+$/;

/**
 * Parses valid JSON text. With `isolateItems`, a problem inside an element of a top-level array
 * becomes that element's value (a JsonValueProblem) instead of failing the whole document.
 * Throws a JsonValueProblem otherwise.
 */
export function parseLosslessJson(text: string, options: { isolateItems?: boolean } = {}): unknown {
  return new LosslessReader(text, options.isolateItems ?? false).readDocument();
}

class LosslessReader {
  private pos = 0;
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly text: string,
    private readonly isolateItems: boolean,
  ) {}

  readDocument(): unknown {
    this.skipWhitespace();
    if (this.isolateItems && this.text[this.pos] === '[') return this.readArray(true);
    return this.readValue();
  }

  private readValue(): unknown {
    const char = this.text[this.pos];
    if (char === '{') return this.readObject();
    if (char === '[') return this.readArray(false);
    if (char === '"') return this.readString();
    if (char === 't') return this.readLiteral('true', true);
    if (char === 'f') return this.readLiteral('false', false);
    if (char === 'n') return this.readLiteral('null', null);
    return this.readNumber();
  }

  private readObject(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      const key = this.readString();
      this.skipWhitespace();
      this.pos += 1; // ':'
      this.skipWhitespace();
      this.path.push(key);
      const value = this.readValue();
      this.path.pop();
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      if (this.text[this.pos++] === '}') return object;
    }
  }

  private readArray(isolate: boolean): unknown[] {
    const array: unknown[] = [];
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return array;
    }
    for (;;) {
      this.skipWhitespace();
      this.path.push(array.length);
      array.push(isolate ? this.readIsolated() : this.readValue());
      this.path.pop();
      this.skipWhitespace();
      if (this.text[this.pos++] === ']') return array;
    }
  }

  /** One batch item: a problem inside it is reported relative to the item, and the rest is skipped. */
  private readIsolated(): unknown {
    const start = this.pos;
    const depth = this.path.length;
    try {
      return this.readValue();
    } catch (error) {
      if (!(error instanceof JsonValueProblem)) throw error;
      this.path.length = depth;
      this.pos = start;
      this.skipValue();
      return new JsonValueProblem(error.path.slice(depth), error.problem);
    }
  }

  private skipValue(): void {
    const first = this.text[this.pos];
    if (first === '"') return this.skipString();
    if (first !== '{' && first !== '[') {
      while (!',]}\t\n\r '.includes(this.text[this.pos] ?? ']')) this.pos += 1;
      return;
    }
    let nesting = 0;
    do {
      const char = this.text[this.pos];
      if (char === '"') {
        this.skipString();
        continue;
      }
      if (char === '{' || char === '[') nesting += 1;
      if (char === '}' || char === ']') nesting -= 1;
      this.pos += 1;
    } while (nesting > 0);
  }

  private skipString(): void {
    this.pos += 1;
    while (this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    this.pos += 1;
  }

  private readString(): string {
    const start = this.pos + 1;
    let end = start;
    while (this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    const raw = this.text.slice(this.pos, end + 1);
    this.pos = end + 1;
    if (raw.includes('\\u') && hasLoneSurrogateEscape(raw)) {
      throw new JsonValueProblem([...this.path], 'must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)');
    }
    return JSON.parse(raw) as string;
  }

  private readNumber(): number | string {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const literal = match.exec(this.text)?.[0] ?? '';
    this.pos += literal.length;
    if (INTEGER_LITERAL.test(literal) && !SAFE_INTEGER_LITERAL.test(literal)) {
      const parsed = Number(literal);
      return Number.isSafeInteger(parsed) ? parsed : literal;
    }
    const parsed = Number(literal);
    if (!Number.isFinite(parsed)) {
      throw new JsonValueProblem([...this.path], 'must be a finite number (beyond the range of a double)');
    }
    return parsed;
  }

  private readLiteral<T>(word: string, value: T): T {
    this.pos += word.length;
    return value;
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.pos] ?? 'x')) this.pos += 1;
  }
}

/** True when a JSON string literal (with its quotes) escapes a surrogate that is not half of a pair. */
function hasLoneSurrogateEscape(raw: string): boolean {
  const units = /\\(u[0-9a-fA-F]{4}|.)/g;
  let pendingHigh = false;
  let lastEnd = -1;
  for (let found = units.exec(raw); found; found = units.exec(raw)) {
    const adjacent = found.index === lastEnd;
    lastEnd = found.index + found[0].length;
    const code = found[1].length === 5 ? parseInt(found[1].slice(1), 16) : -1;
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    if (pendingHigh && !(isLow && adjacent)) return true;
    if (isLow && !(pendingHigh && adjacent)) return true;
    pendingHigh = isHigh;
    if (isLow) pendingHigh = false;
  }
  return pendingHigh;
}
