import { WebhookException } from '../common/errors';
import { parseMetricsQuery } from './metrics-query';

const NOW = new Date('2024-08-31T10:00:00.000Z');
const resolve = (from?: Date, to?: Date) => ({ from: from ?? new Date('2024-02-29T10:00:00.000Z'), to: to ?? NOW });

function causesOf(query: Record<string, unknown>, withReport = true): string[] {
  try {
    parseMetricsQuery(query, resolve, withReport);
  } catch (error) {
    return (error as WebhookException).causes;
  }
  throw new Error('expected a 400');
}

describe('parseMetricsQuery', () => {
  it('defaults the report to 2023 and leaves the window to the resolver', () => {
    const sut = parseMetricsQuery({}, resolve, true);
    expect(sut).toEqual({ report: '2023', window: { from: new Date('2024-02-29T10:00:00.000Z'), to: NOW } });
  });

  it('reads both times in the api.md §4.3 formats', () => {
    const sut = parseMetricsQuery({ from: '2024-03-01', to: '2024-03-31T23:59:59+02:00', report: '2021' }, resolve, true);
    expect(sut.window.from.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(sut.window.to.toISOString()).toBe('2024-03-31T21:59:59.000Z');
    expect(sut.report).toBe('2021');
  });

  it('reports every problem at once', () => {
    expect(causesOf({ from: 'soon', to: '2024-02-30', report: '2020' })).toEqual([
      'from: "soon" is not a supported time',
      'to: "2024-02-30" is not a valid date',
      'report: must be one of 2023, 2021',
    ]);
    expect(causesOf({ from: '2024-09-01' })).toEqual(['from: must not be after to']);
    expect(causesOf({ from: ['2024-01-01', '2024-02-01'] })).toEqual(['from: "[\\"2024-01-01\\",\\"2024-02-01\\"]" is not a supported time']);
  });

  it('ignores report where it is not a parameter', () => {
    expect(parseMetricsQuery({ report: 'x' }, resolve, false).window.to).toEqual(NOW);
  });
});
