import { changeFailureRate, ChangeFailureInput } from './change-failure-rate';
import { failedDeploymentRecoveryTime } from './recovery-metrics';

const NA_INCIDENTS = 'N/A. Please check if you have collected incidents.';

function input(overrides: Partial<ChangeFailureInput>): ChangeFailureInput {
  return {
    report: '2023',
    windowMonths: ['2024-01'],
    deploymentsByMonth: new Map([['2024-01', 4]]),
    failedByMonth: new Map(),
    linkedIncidents: 0,
    scopeHasIncidents: true,
    scopeHasDeploymentRows: true,
    ...overrides,
  };
}

describe('changeFailureRate', () => {
  it("deployments but no incident in the scope: DevLake's 0.0%(elite), the N/A text kept in naReason", () => {
    const sut = changeFailureRate(input({ scopeHasIncidents: false }));
    expect(sut).toMatchObject({ value: 0, level: 'elite', label: '0.0%(elite)', benchmark: '0-5%(elite)', naReason: NA_INCIDENTS });
  });

  it('no deployment in the window stays N/A whatever the incidents', () => {
    const empty = new Map<string, number>();
    expect(changeFailureRate(input({ deploymentsByMonth: empty, scopeHasIncidents: false }))).toMatchObject({ value: null, level: null, label: NA_INCIDENTS });
    expect(changeFailureRate(input({ deploymentsByMonth: empty }))).toMatchObject({
      value: null, naReason: 'N/A. Please check if you have collected deployments/incidents.',
    });
  });

  it('with incidents, naReason is null', () => {
    expect(changeFailureRate(input({ failedByMonth: new Map([['2024-01', 1]]) }))).toMatchObject({ value: 0.25, label: '25.0%(low)', naReason: null });
  });
});

describe('failedDeploymentRecoveryTime without incidents', () => {
  const figures = { pairs: 0, negativeRecoveries: 0, medianRecoveryMinutes: null, monthlyMedianRecoveryMinutes: new Map() };

  it("is labelled `No data` as DevLake's panel when deployments exist; naReason explains", () => {
    const sut = failedDeploymentRecoveryTime({ windowMonths: ['2024-01'], deployments: 2, scopeHasIncidents: false, figures });
    expect(sut).toMatchObject({ value: null, level: null, label: 'No data', benchmark: null, naReason: NA_INCIDENTS });
  });

  it('keeps the N/A label without deployments', () => {
    const sut = failedDeploymentRecoveryTime({ windowMonths: ['2024-01'], deployments: 0, scopeHasIncidents: false, figures });
    expect(sut.label).toBe('N/A. Please check if you have collected deployments and incidents.');
  });
});
