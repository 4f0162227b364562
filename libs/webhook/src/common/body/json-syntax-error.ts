/**
 * Locates the first JSON syntax error of a text that `JSON.parse` refused, so the cause does not
 * depend on the wording of the JavaScript engine nor echo the body back.
 * Returns e.g. `unexpected character "}" at line 1, column 6` or `unexpected end of input`.
 */
export function describeJsonSyntaxError(text: string): string {
  try {
    new JsonScanner(text).scanDocument();
  } catch (error) {
    if (error instanceof ScanError) {
      return error.message;
    }
    if (error instanceof RangeError) {
      return 'nesting too deep';
    }
    throw error;
  }
  return 'not valid JSON';
}

class ScanError extends Error {}

const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';

class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.skipWhitespace();
    this.scanValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw this.error('unexpected data after the JSON value');
    }
  }

  private scanValue(): void {
    const char = this.text[this.pos];
    if (char === '{') {
      this.scanContainer('}', () => {
        if (this.text[this.pos] !== '"') {
          throw this.unexpected();
        }
        this.scanString();
        this.skipWhitespace();
        this.expect(':');
        this.skipWhitespace();
        this.scanValue();
      });
    } else if (char === '[') {
      this.scanContainer(']', () => this.scanValue());
    } else if (char === '"') {
      this.scanString();
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      this.scanNumber();
    } else {
      const literal = LITERALS.find((word) => this.text.startsWith(word, this.pos));
      if (!literal) {
        throw this.unexpected();
      }
      this.pos += literal.length;
    }
  }

  private scanContainer(close: string, scanMember: () => void): void {
    this.pos += 1;
    this.skipWhitespace();
    if (this.text[this.pos] === close) {
      this.pos += 1;
      return;
    }
    for (;;) {
      scanMember();
      this.skipWhitespace();
      if (this.text[this.pos] === close) {
        this.pos += 1;
        return;
      }
      this.expect(',');
      this.skipWhitespace();
    }
  }

  private scanString(): void {
    this.pos += 1;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) {
        throw this.unexpected();
      }
      if (char === '"') {
        this.pos += 1;
        return;
      }
      if (char < ' ') {
        throw this.error('control character in string');
      }
      if (char === '\\') {
        const escaped = this.text[this.pos + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          this.pos += 6;
          continue;
        }
        if (escaped === undefined || escaped === 'u' || !ESCAPES.includes(escaped)) {
          throw this.error('bad escape in string');
        }
        this.pos += 2;
        continue;
      }
      this.pos += 1;
    }
  }

  private scanNumber(): void {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found || found[0] === '-') {
      this.pos += found ? 1 : 0;
      throw this.unexpected();
    }
    this.pos += found[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) {
      throw this.unexpected();
    }
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.pos] ?? 'x')) {
      this.pos += 1;
    }
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) {
      throw this.unexpected();
    }
    this.pos += 1;
  }

  private unexpected(): ScanError {
    const char = this.text.codePointAt(this.pos);
    if (char === undefined) {
      return new ScanError('unexpected end of input');
    }
    return this.error(`unexpected character ${JSON.stringify(String.fromCodePoint(char))}`);
  }

  private error(problem: string): ScanError {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
    return new ScanError(`${problem} at line ${line}, column ${column}`);
  }
}
