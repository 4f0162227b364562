import { WebhookErrorCode } from './webhook-error-code';
import { fromHostParserError } from './host-parser-error';

/** body-parser's errors are http-errors: a status and a string type. */
function parserError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

describe('fromHostParserError', () => {
  it('maps a too-large body to BODY_TOO_LARGE (413) and closes the connection', () => {
    const sut = fromHostParserError(parserError(413, 'entity.too.large', 'request entity too large'));
    expect([sut?.code, sut?.status, sut?.headers]).toEqual([WebhookErrorCode.BODY_TOO_LARGE, 413, { Connection: 'close' }]);
  });

  it("maps the other parser errors (bad JSON, unsupported charset) to BODY_NOT_JSON (400) with the parser's message", () => {
    for (const [status, type] of [[400, 'entity.parse.failed'], [415, 'charset.unsupported']] as const) {
      const sut = fromHostParserError(parserError(status, type, 'nope'));
      expect([sut?.code, sut?.status, sut?.causes]).toEqual([WebhookErrorCode.BODY_NOT_JSON, 400, ['nope']]);
    }
  });

  it('leaves anything else to the filter', () => {
    expect(fromHostParserError(new Error('boom'))).toBeUndefined();
    expect(fromHostParserError(parserError(500, 'stream.not.readable', 'x'))).toBeUndefined();
    expect(fromHostParserError(Object.assign(new Error('x'), { status: 400 }))).toBeUndefined();
  });
});
