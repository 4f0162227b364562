import type { IncomingMessage, ServerResponse } from 'http';
import { ensureRequestId } from './request-id';

function exchange(header?: string) {
  const req = { headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage & { id?: string };
  const sent: Record<string, string> = {};
  const res = { headersSent: false, setHeader: (name: string, value: string) => (sent[name] = value) } as unknown as ServerResponse;
  return { req, res, sent };
}

describe('ensureRequestId', () => {
  it('keeps a well-formed incoming id and echoes it', () => {
    const sut = exchange('ci-run-42.1:build/7');
    expect(ensureRequestId(sut.req, sut.res)).toBe('ci-run-42.1:build/7');
    expect(sut.sent['x-request-id']).toBe('ci-run-42.1:build/7');
  });

  it.each(['', 'has space', 'x'.repeat(129), 'line\nbreak', 'é'])('replaces %j with a UUID', (header) => {
    const sut = exchange(header);
    expect(ensureRequestId(sut.req, sut.res)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('returns the id already assigned, whoever assigned it first', () => {
    const sut = exchange('incoming');
    const first = ensureRequestId(sut.req, sut.res);
    sut.req.headers['x-request-id'] = 'changed';
    expect(ensureRequestId(sut.req, sut.res)).toBe(first);
  });
});
