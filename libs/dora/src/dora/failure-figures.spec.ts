import { failureFigures } from './failure-figures';

const at = (iso: string) => new Date(`${iso}Z`);
const MARCH = { from: at('2024-03-01T00:00:00'), to: at('2024-03-31T23:59:59') };

describe('failureFigures (C1)', () => {
  const finishes = new Map([
    ['D0', at('2024-02-28T10:00:00')],
    ['D2', at('2024-03-05T10:00:00')],
    ['D3', at('2024-03-10T10:00:00')],
    ['D5', at('2024-03-20T10:00:00')],
  ]);
  const links = [
    { incidentId: 'I0', deploymentId: 'D0', resolvedAt: at('2024-03-01T12:00:00') },
    { incidentId: 'I1', deploymentId: 'D2', resolvedAt: at('2024-03-06T10:00:00') },
    { incidentId: 'I2', deploymentId: 'D2', resolvedAt: at('2024-03-08T10:00:00') },
    { incidentId: 'I3', deploymentId: 'D3', resolvedAt: at('2024-03-12T12:00:00') },
    { incidentId: 'I5', deploymentId: 'D5', resolvedAt: null },
  ];

  it('counts failed deployments once, incidents per link, and pairs with a resolution in the window', () => {
    const sut = failureFigures(links, finishes, MARCH);
    expect(sut).toEqual({
      failedByMonth: new Map([['2024-03', 3]]),
      linkedIncidents: 4,
      pairs: 3,
      negativeRecoveries: 0,
      medianRecoveryMinutes: 3000,
      monthlyMedianRecoveryMinutes: new Map([['2024-03', 3000]]),
    });
  });

  it('truncates recoveries toward zero and keeps negative ones (Q8, B6)', () => {
    const sut = failureFigures(
      [{ incidentId: 'I', deploymentId: 'D3', resolvedAt: at('2024-03-10T09:59:30') }],
      finishes,
      MARCH,
    );
    expect([sut.medianRecoveryMinutes, sut.negativeRecoveries]).toEqual([0, 0]);
    const earlier = failureFigures([{ incidentId: 'I', deploymentId: 'D3', resolvedAt: at('2024-03-10T09:58:30') }], finishes, MARCH);
    expect([earlier.medianRecoveryMinutes, earlier.negativeRecoveries]).toEqual([-1, 1]);
  });

  it('ignores links to deployments without a qualifying finish', () => {
    const sut = failureFigures([{ incidentId: 'I', deploymentId: 'GONE', resolvedAt: null }], finishes, MARCH);
    expect(sut.linkedIncidents).toBe(0);
  });
});
