import { minusCalendarMonths, monthKeysBetween, monthLabel, toInstant, utcDay, weekOfDay } from './calendar';

const at = (iso: string) => new Date(iso);

describe('calendar', () => {
  it('labels weeks by their Monday and months as YY/MM', () => {
    expect(weekOfDay('2024-01-08')).toBe('2024-01-08');
    expect(weekOfDay('2024-01-14')).toBe('2024-01-08');
    expect(weekOfDay('2023-01-01')).toBe('2022-12-26');
    expect(weekOfDay('2024-03-01')).toBe('2024-02-26');
    expect(monthLabel('2024-03')).toBe('24/03');
  });

  it('takes days in UTC', () => {
    expect(utcDay(at('2024-01-02T23:59:59.999Z'))).toBe('2024-01-02');
  });

  it('lists the months of a window, both ends included', () => {
    expect(monthKeysBetween(at('2023-11-15T00:00:00Z'), at('2024-02-01T00:00:00Z'))).toEqual([
      '2023-11', '2023-12', '2024-01', '2024-02',
    ]);
    expect(monthKeysBetween(at('2024-03-01T00:00:00Z'), at('2024-03-31T23:59:59Z'))).toEqual(['2024-03']);
  });

  it('subtracts calendar months clamping to the last day of the month, as DATE_SUB', () => {
    expect(minusCalendarMonths(at('2024-08-31T10:20:30.456Z'), 6).toISOString()).toBe('2024-02-29T10:20:30.456Z');
    expect(minusCalendarMonths(at('2023-08-31T00:00:00Z'), 6).toISOString()).toBe('2023-02-28T00:00:00.000Z');
    expect(minusCalendarMonths(at('2024-03-15T08:00:00Z'), 6).toISOString()).toBe('2023-09-15T08:00:00.000Z');
    expect(minusCalendarMonths(at('2024-12-31T00:00:00Z'), 6).toISOString()).toBe('2024-06-30T00:00:00.000Z');
  });

  it('reads datetimes as either driver returns them', () => {
    expect(toInstant('2024-03-01 10:00:00.500')?.toISOString()).toBe('2024-03-01T10:00:00.500Z');
    expect(toInstant(at('2024-03-01T10:00:00Z'))?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(toInstant(null)).toBeNull();
  });
});
