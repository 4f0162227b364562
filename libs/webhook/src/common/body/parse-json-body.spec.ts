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

describe('parseBatchBody', () => {
  it('reads a JSON array, null items as {}, other non-objects rejected alone', () => {
    expect(parseBatchBody(bytes('[{"a":1}, null, 5]'))).toEqual({
      ok: true,
      items: [
        { ok: true, value: { a: 1 } },
        { ok: true, value: {} },
        { ok: false, code: 'BODY_NOT_OBJECT', causes: [] },
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
        { ok: false, code: 'BODY_NOT_OBJECT', causes: [] },
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
