import { IssueEntity } from '@app/domain';
import { WebhookException } from '../common/errors';
import { closeIssue, planClose } from './close-plan';

const stored = (resolutionDate: Date | null) => ({ createdDate: new Date('2020-01-01T12:00:00Z'), resolutionDate }) as IssueEntity;
const NOW = new Date('2020-01-02T12:00:00Z');

describe('planClose and closeIssue (spec api.md §10)', () => {
  it('closes the seed way: DONE, original_status "", resolution now, lead time from creation', () => {
    const sut = closeIssue(stored(null), planClose({}, 'DLK-1234'), NOW);
    expect(sut).toEqual({ columns: { status: 'DONE', originalStatus: '', resolutionDate: NOW, leadTimeMinutes: 1440 }, warnings: [] });
  });

  it('prefers the given resolution, then the stored one', () => {
    const given = planClose({ issueKey: 'DLK-1234', resolutionDate: '2020-01-01T15:30:00Z', original_status: 'Fixed' }, undefined);
    expect(given).toMatchObject({ issueKey: 'DLK-1234', issueKeyPath: 'issueKey' });
    expect(closeIssue(stored(NOW), given, NOW).columns).toEqual({
      status: 'DONE',
      originalStatus: 'Fixed',
      resolutionDate: new Date('2020-01-01T15:30:00Z'),
      leadTimeMinutes: 210,
    });
    const kept = new Date('2020-01-01T13:00:00Z');
    expect(closeIssue(stored(kept), planClose({}, 'K'), NOW).columns).toMatchObject({ resolutionDate: kept, leadTimeMinutes: 60 });
  });

  it('warns about a resolution before the creation in the request style', () => {
    expect(closeIssue(stored(null), planClose({ resolution_date: '2019-12-31' }, 'K'), NOW).warnings).toEqual([
      'lead_time_minutes: resolution_date is before created_date, stored 0',
    ]);
  });

  it('reports a body key on the path form and requires one on the body form', () => {
    expect(planClose({ issue_key: 'other' }, 'K')).toMatchObject({ issueKey: 'K', warnings: ['ignored key: issue_key (the path names the issue)'] });
    expect(planClose({ ISSUE_KEY: 'A' }, undefined).issueKeyPath).toBe('ISSUE_KEY');
    let causes: string[] = [];
    try {
      planClose({}, undefined);
    } catch (error) {
      causes = (error as WebhookException).causes;
    }
    expect(causes).toEqual(['issue_key: is required']);
  });
});
