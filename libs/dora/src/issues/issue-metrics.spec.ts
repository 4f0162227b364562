import { issueAge, perKiloLines, requirementDeliveryRate, requirementGranularity } from './issue-metrics';

describe('issue metric builders', () => {
  const months = [
    { month: '2024-03', requirements: 3, delivered: 2, pointsSum: 16, pointed: 3 },
    { month: '2024-04', requirements: 1, delivered: 1, pointsSum: 0, pointed: 1 },
  ];

  it('I1: delivery rate and granularity, null months without requirements', () => {
    const rate = requirementDeliveryRate(['2024-02', '2024-03', '2024-04'], months);
    expect(rate).toMatchObject({ value: 0.75, details: { requirements: 4, delivered: 3 }, level: null, label: null });
    expect(rate.series.monthly).toEqual([
      { bucket: '24/02', value: null },
      { bucket: '24/03', value: 2 / 3 },
      { bucket: '24/04', value: 1 },
    ]);
    expect(requirementGranularity([], months)).toMatchObject({ value: 4, details: { requirements: 4 } });
    expect(requirementDeliveryRate([], [])).toMatchObject({ value: null, naReason: 'No data' });
  });

  it('I2: bug age in days with the outstanding figures', () => {
    const sut = issueAge('bug', {
      windowMonths: ['2024-03'],
      resolved: [{ month: '2024-03', issues: 3, leadSum: 25200, leadCount: 3 }],
      allHistoryMedianMinutes: 3600,
      outstanding: { issues: 1, ageMillisSum: 11 * 86_400_000, dated: 1 },
    });
    expect(sut).toMatchObject({
      metric: 'bugAge',
      value: 5.833333333333333,
      details: { bugs: 3, allHistoryMedianDays: 2.5, outstandingBugs: 1, outstandingAverageAgeDays: 11 },
    });
  });

  it('per 1k lines: N/A without commit rows, No data without lines, months without bugs or lines omitted', () => {
    const created = new Map([['2024-03', 3], ['2024-04', 0], ['2024-05', 2]]);
    expect(perKiloLines('bug', { createdByMonth: created, linesByMonth: null })).toMatchObject({
      value: null, naReason: 'N/A. Please check if you have collected commits.', details: { bugs: 5, lines: 0 }, series: { monthly: [] },
    });
    expect(perKiloLines('incident', { createdByMonth: new Map(), linesByMonth: new Map() })).toMatchObject({ value: null, naReason: 'No data' });
    const sut = perKiloLines('bug', { createdByMonth: created, linesByMonth: new Map([['2024-03', 150], ['2024-04', 300]]) });
    expect(sut).toMatchObject({ value: 5000 / 450, details: { bugs: 5, lines: 450 } });
    expect(sut.series.monthly).toEqual([{ bucket: '24/03', value: 20 }]);
  });
});
