import { WRITE_FAILURE_MEMORY_MS, WriteHealth } from './write-health';

describe('WriteHealth', () => {
  it('is failing after a failed commit until one succeeds', () => {
    const sut = new WriteHealth();
    expect(sut.failing(1000)).toBe(false);
    sut.recordFailure(1000);
    expect(sut.failing(1001)).toBe(true);
    sut.recordSuccess(1002);
    expect(sut.failing(1003)).toBe(false);
  });

  it('forgets a failure that nothing has repeated for a while (the probe then decides)', () => {
    const sut = new WriteHealth();
    sut.recordFailure(1000);
    expect(sut.failing(1000 + WRITE_FAILURE_MEMORY_MS - 1)).toBe(true);
    expect(sut.failing(1000 + WRITE_FAILURE_MEMORY_MS)).toBe(false);
  });
});
