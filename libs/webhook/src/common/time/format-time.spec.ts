import { formatDbDatetime, formatIsoMillis } from './format-time';

describe('formatDbDatetime', () => {
  it('writes UTC with milliseconds and a space', () => {
    expect(formatDbDatetime(new Date(Date.UTC(2026, 4, 5, 10, 0, 0, 123)))).toBe('2026-05-05 10:00:00.123');
    expect(formatDbDatetime(new Date(0))).toBe('1970-01-01 00:00:00.000');
  });
});

describe('formatIsoMillis', () => {
  it('writes ISO 8601 UTC with milliseconds', () => {
    expect(formatIsoMillis(new Date(Date.UTC(2026, 4, 5, 10, 0, 0, 123)))).toBe('2026-05-05T10:00:00.123Z');
    expect(formatIsoMillis(new Date(Date.UTC(2020, 0, 2, 12)))).toBe('2020-01-02T12:00:00.000Z');
  });
});
