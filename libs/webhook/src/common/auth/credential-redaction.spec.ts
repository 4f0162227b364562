import { presentedCredentials, redactHeaders, redactUrl } from './credential-redaction';

describe('credential redaction', () => {
  const key = 'abcDEF123456';
  const basicBlob = Buffer.from('admin:s3cret-pass').toString('base64');

  it('collects the credentials a request presented', () => {
    expect(presentedCredentials({ authorization: `Bearer ${key}` })).toContain(key);
    expect(presentedCredentials({ authorization: `Basic ${basicBlob}` })).toEqual(expect.arrayContaining(['s3cret-pass', basicBlob]));
    expect(presentedCredentials({ 'x-auth': key }, '/x?token=tok-123456')).toEqual(expect.arrayContaining([key, 'tok-123456']));
  });

  it('drops secret-named headers and replaces a credential anywhere else', () => {
    const headers = { 'x-auth': key, 'x-forwarded-authorization': `Bearer ${key}`, 'x-note': `key is ${key}`, 'user-agent': 'curl' };
    expect(redactHeaders(headers, [key])).toEqual({ 'x-note': 'key is [redacted]', 'user-agent': 'curl' });
  });

  it('redacts secret-named query parameters and credentials in the path, raw or percent-encoded', () => {
    expect(redactUrl(`/a/${key}/b?api_key=x&Password=y&q=${key}&n=1`, [key])).toBe('/a/[redacted]/b?api_key=[redacted]&Password=[redacted]&q=[redacted]&n=1');
    expect(redactUrl('/a/k%2By?x=1', ['k+y123'])).toBe('/a/k%2By?x=1');
    expect(redactUrl('/a/k%2By123', ['k+y123'])).toBe('/a/[redacted]');
  });
});
