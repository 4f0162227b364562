import { loggerParams } from './logger-params';
import { redactUrl } from './redaction';
import { textDestination } from './text-destination';
import { loadConfig } from '../config/app-config';

describe('redactUrl', () => {
  it('hides the values of credential-like query parameters only', () => {
    expect(redactUrl('/rest/x?api_key=abc&x=1&Token=t&client%5Fsecret=s&password=p')).toBe(
      '/rest/x?api_key=[redacted]&x=1&Token=[redacted]&client%5Fsecret=[redacted]&password=[redacted]',
    );
    expect(redactUrl('/plain')).toBe('/plain');
  });

  it('the request log hides a presented key wherever it appears in the URL (issue 12)', () => {
    const params = loggerParams(loadConfig({}), false).pinoHttp as { serializers: { req: (req: object) => { url: string } } };
    const req = { method: 'POST', url: '/rest/plugins/webhook/connections/by-name/k-123456789/x?access=k-123456789', headers: { 'x-auth': 'k-123456789' } };
    expect(params.serializers.req(req).url).toBe('/rest/plugins/webhook/connections/by-name/[redacted]/x?access=[redacted]');
  });
});

describe('loggerParams', () => {
  const format = (env: Record<string, string>, tty: boolean) => (Array.isArray(loggerParams(loadConfig(env), tty).pinoHttp) ? 'text' : 'json');

  it('writes JSON when stdout is not a terminal, text on a terminal, LOG_FORMAT deciding over both', () => {
    expect(format({}, false)).toBe('json');
    expect(format({}, true)).toBe('text');
    expect(format({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(format({ LOG_FORMAT: 'text' }, false)).toBe('text');
  });
});

describe('textDestination', () => {
  it('turns a JSON line into a readable one', () => {
    let written = '';
    const sut = textDestination({ write: (text: string) => (written += text) } as unknown as NodeJS.WritableStream);
    sut.write('{"level":"info","time":"2026-01-05T10:00:01.234Z","context":"Boot","msg":"started","port":8080}\n');
    expect(written).toBe('10:00:01.234 INFO  [Boot] started port=8080\n');
  });
});
