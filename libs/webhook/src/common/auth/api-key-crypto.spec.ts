import { API_KEY_LENGTH, generateApiKey, hashApiKey } from './api-key-crypto';

describe('api key crypto', () => {
  it("hashes as DevLake does (spec api.md §3.1 example)", () => {
    expect(hashApiKey('my-encryption-secret', 'abc123')).toBe('5d9d4be4a5777e2a0aa039c528952b08a0d7c8101c430e23b72b01fcf5e9d8a6');
  });

  it('trims the secret', () => {
    expect(hashApiKey('  my-encryption-secret\n', 'abc123')).toBe(hashApiKey('my-encryption-secret', 'abc123'));
  });

  it('generates 128 alphanumeric characters, different each time', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(new RegExp(`^[A-Za-z0-9]{${API_KEY_LENGTH}}$`));
    expect(a).not.toBe(b);
  });
});
