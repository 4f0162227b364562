import { parseBatchBody, parseJsonBody } from './parse-json-body';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('parseJsonBody', () => {
  it('reads an object, after a UTF-8 BOM', () => {
    expect(parseJsonBody(bytes('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(' {"a":1} ')]))).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each(['', '  \n', 'null', ' null '])('reads %j as {}', (text) => {
    expect(parseJsonBody(bytes(text))).toEqual({ ok: true, value: {} });
  });

  it('reads a missing body as {}', () => {
    expect(parseJsonBody(undefined)).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['{"a":}', 'body: unexpected character "}" at line 1, column 6'],
    ['{"a":1} x', 'body: unexpected data after the JSON value at line 1, column 9'],
    ['{"a":1}{}', 'body: unexpected data after the JSON value at line 1, column 8'],
    ['{"a":1', 'body: unexpected end of input'],
    ['{\n  "a": 1,\n}', 'body: unexpected character "}" at line 3, column 1'],
    ["{'a':1}", 'body: unexpected character "\'" at line 1, column 2'],
    ['{"a":01}', 'body: unexpected character "1" at line 1, column 7'],
    ['{"a":"\u0001"}', 'body: control character in string at line 1, column 7'],
    ['{"a":"\\x"}', 'body: bad escape in string at line 1, column 7'],
    ['{"é":tru}', 'body: unexpected character "t" at line 1, column 6'],
    ['a=1&b=2', 'body: unexpected character "a" at line 1, column 1'],
  ])('refuses %j: %s', (text, cause) => {
    expect(parseJsonBody(bytes(text))).toEqual({ ok: false, code: 'BODY_NOT_JSON', causes: [cause] });
  });

  it.each(['[]', '[{"a":1}]', '"text"', '12', 'true'])('refuses %s as not an object', (text) => {
    expect(parseJsonBody(bytes(text))).toEqual({ ok: false, code: 'BODY_NOT_OBJECT', causes: [] });
  });

  it('keeps invalid UTF-8 as U+FFFD, as DevLake does', () => {
    expect(parseJsonBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ ok: true, value: { a: '\ufffd' } });
  });
});

describe('parseJsonBody: exactly as sent, or refused (issue 12)', () => {
  it('keeps integers beyond 2^53 as their exact digits, and safe ones as numbers', () => {
    expect(parseJsonBody(bytes('{"issue_key": 9007199254740993, "n": -123456789012345678901, "s": 9007199254740991, "f": 1.5}'))).toEqual({
      ok: true,
      value: { issue_key: '9007199254740993', n: '-123456789012345678901', s: 9007199254740991, f: 1.5 },
    });
  });

  it.each([
    ['{"a": 1e400}', 'a: must be a finite number (beyond the range of a double)'],
    ['{"a": {"b": [-1E+999]}}', 'a.b[0]: must be a finite number (beyond the range of a double)'],
    ['{"issue_key": "\\ud800"}', 'issue_key: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)'],
    ['{"k": "\\udc00\\ud800"}', 'k: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)'],
    ['{"k": "x\\ud83dy\\ude00"}', 'k: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)'],
    ['{"a": {"\\ud800": 1}}', 'a: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)'],
  ])('refuses %s with a cause naming the field', (text, cause) => {
    expect(parseJsonBody(bytes(text))).toEqual({ ok: false, code: 'VALIDATION_FAILED', causes: [cause] });
  });

  it('keeps escaped surrogate pairs', () => {
    expect(parseJsonBody(bytes('{"k": "\\ud83d\\ude00 \\u00e9"}'))).toEqual({ ok: true, value: { k: '\u{1F600} \u00e9' } });
  });
});

describe('parseBatchBody', () => {
  it('reads a JSON array, null items as {}, other non-objects rejected alone', () => {
    expect(parseBatchBody(bytes('[{"a":1}, null, 5]'))).toEqual({
      ok: true,
      items: [
        { ok: true, value: { a: 1 } },
        { ok: true, value: {} },
        { ok: false, code: 'BODY_NOT_OBJECT', causes: ['items[2]: must be an object'] },
      ],
    });
  });

  it('rejects only the item holding a non-finite number or a lone surrogate, naming the field', () => {
    expect(parseBatchBody(bytes('[{"a":1}, {"b":[{"c":1e400}]}, {"k":"\\ud800x"}, {"k":12345678901234567890}]'))).toEqual({
      ok: true,
      items: [
        { ok: true, value: { a: 1 } },
        { ok: false, code: 'VALIDATION_FAILED', causes: ['b[0].c: must be a finite number (beyond the range of a double)'] },
        { ok: false, code: 'VALIDATION_FAILED', causes: ['k: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)'] },
        { ok: true, value: { k: '12345678901234567890' } },
      ],
    });
  });

  it.each(['', 'null', '[]'])('reads %j as no items', (text) => {
    expect(parseBatchBody(bytes(text))).toEqual({ ok: true, items: [] });
    expect(parseBatchBody(bytes(text), { allowNdjson: true })).toEqual({ ok: true, items: [] });
  });

  it('refuses a non-array, or invalid JSON, without NDJSON', () => {
    expect(parseBatchBody(bytes('{"a":1}'))).toEqual({ ok: false, code: 'BODY_NOT_ARRAY', causes: [] });
    expect(parseBatchBody(bytes('[{"a":1}'))).toEqual({ ok: false, code: 'BODY_NOT_JSON', causes: ['body: unexpected end of input'] });
    expect(parseBatchBody(bytes('{"a":1}\n{"a":2}'))).toMatchObject({ ok: false, code: 'BODY_NOT_JSON' });
  });

  it('reads NDJSON: one item per non-blank line, a bad line rejects its item only', () => {
    const text = '\uFEFF{"a":1}\r\n\n  \n{"a":\n[1]\n{"b":2}';
    expect(parseBatchBody(bytes(text), { allowNdjson: true })).toEqual({
      ok: true,
      items: [
        { ok: true, value: { a: 1 } },
        { ok: false, code: 'BODY_NOT_JSON', causes: ['body: line 4 is not valid JSON'] },
        { ok: false, code: 'BODY_NOT_OBJECT', causes: ['items[2]: must be an object'] },
        { ok: true, value: { b: 2 } },
      ],
    });
  });

  it('reads a one-line NDJSON object and a JSON array when NDJSON is allowed', () => {
    expect(parseBatchBody(bytes('{"a":1}'), { allowNdjson: true })).toEqual({ ok: true, items: [{ ok: true, value: { a: 1 } }] });
    expect(parseBatchBody(bytes('[{"a":1},{"a":2}]'), { allowNdjson: true })).toMatchObject({ ok: true, items: [{ ok: true }, { ok: true }] });
  });

  it('reads blank NDJSON as no items', () => {
    expect(parseBatchBody(bytes('\n \n'), { allowNdjson: true })).toEqual({ ok: true, items: [] });
  });
});
