import { formatMetricValue, formatMinutes, formatSeriesValue, levelClass, levelText, metricTitle, seriesUnitText } from './format';

describe('level formatting', () => {
  it('writes every level as text beside its colour class', () => {
    expect(['elite', 'high', 'medium', 'low'].map((level) => levelText(level as never))).toEqual(['Elite', 'High', 'Medium', 'Low']);
    expect(levelText(null)).toBe('No level');
    expect(levelClass('elite')).toBe('level level-elite');
    expect(levelClass(null)).toBe('level level-none');
  });
});

describe('formatMetricValue', () => {
  const metric = (value: number | null, unit: string | null, naReason: string | null = null) => ({ value, unit, naReason });

  it('formats each unit of metrics.md §1', () => {
    expect(formatMetricValue(metric(2, 'days_per_week'))).toBe('2 deployment days per week');
    expect(formatMetricValue(metric(5, 'days_per_month'))).toBe('5 deployment days per month');
    expect(formatMetricValue(metric(0.6, 'ratio'))).toBe('60.0%');
    expect(formatMetricValue(metric(0.15384615, 'ratio'))).toBe('15.4%');
    expect(formatMetricValue(metric(3000, 'minutes'))).toBe('2.1 days');
    expect(formatMetricValue(metric(5.8333333, 'days'))).toBe('5.83 days');
    expect(formatMetricValue(metric(3, 'story_points'))).toBe('3 story points');
  });

  it('shows the reason when there is no value', () => {
    expect(formatMetricValue(metric(null, 'minutes', 'N/A. Please check if you have collected deployments/pull_requests.'))).toBe(
      'N/A. Please check if you have collected deployments/pull_requests.',
    );
    expect(formatMetricValue(metric(null, null))).toBe('No data');
  });
});

describe('formatMinutes', () => {
  it('picks minutes, hours or days', () => {
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(90)).toBe('1.5 hours');
    expect(formatMinutes(1440)).toBe('1 day');
    expect(formatMinutes(4320)).toBe('3 days');
  });
});

describe('series labels', () => {
  it('charts durations in hours and rates in percent', () => {
    expect(seriesUnitText({ metric: 'leadTimeForChanges', unit: 'minutes' }, 'monthly')).toBe('hours');
    expect(seriesUnitText({ metric: 'changeFailureRate', unit: 'ratio' }, 'monthly')).toBe('percent');
    expect(seriesUnitText({ metric: 'deploymentFrequency', unit: 'days_per_week' }, 'weekly')).toBe('deployment days');
    expect(seriesUnitText({ metric: 'deploymentFrequency', unit: null }, 'monthlyDeployments')).toBe('deployments');
    expect(formatSeriesValue(0.5, 'ratio')).toBe('50.0%');
    expect(formatSeriesValue(null, 'minutes')).toBe('no data');
    expect(formatSeriesValue(5.8333, 'days')).toBe('5.83');
    expect(metricTitle('timeToRestoreService')).toBe('Time to restore service');
  });
});
