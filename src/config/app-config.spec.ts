import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      database: { driver: 'sqlite', path: './data/devlake.sqlite' },
      port: 8080,
      migrate: true,
      logLevel: 'info',
      maxBodyBytes: 1_048_576,
      maxBatchBodyBytes: 16_777_216,
      maxBatchItems: 1000,
      auditLog: true,
      auditLogRetentionDays: 30,
      metricsPublic: false,
      shutdownDrainMs: 10_000,
      transactionDeadlineMs: 3000,
    });
    expect(sut.logFormat).toBeUndefined();
    expect(sut.encryptionSecret).toBeUndefined();
    expect(sut.rateLimitPerMinute).toBeUndefined();
  });

  it('trims ENCRYPTION_SECRET', () => {
    expect(loadConfig({ ENCRYPTION_SECRET: '  s3cret \n' }).encryptionSecret).toBe('s3cret');
  });

  it.each([
    [{ DB_URL: 'postgres://a@b/c' }, /^DB_URL: /],
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ DB_MIGRATE: 'maybe' }, /^DB_MIGRATE: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ ADMIN_USERNAME: 'admin' }, /^ADMIN_PASSWORD: /],
    [{ ADMIN_PASSWORD: 'pw' }, /^ADMIN_USERNAME: /],
    [{ AUDIT_LOG_RETENTION_DAYS: '0' }, /^AUDIT_LOG_RETENTION_DAYS: /],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /^RATE_LIMIT_PER_MINUTE: /],
    [{ LOG_FORMAT: 'xml' }, /^LOG_FORMAT: /],
    [{ METRICS_PUBLIC: 'yes' }, /^METRICS_PUBLIC: /],
    [{ SHUTDOWN_DRAIN_MS: '10s' }, /^SHUTDOWN_DRAIN_MS: /],
  ])('rejects %j with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it('accepts false-y booleans', () => {
    expect(loadConfig({ DB_MIGRATE: 'false', AUDIT_LOG: '0' })).toMatchObject({ migrate: false, auditLog: false });
  });
});
