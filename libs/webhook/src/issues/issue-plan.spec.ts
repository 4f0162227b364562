import { WebhookException } from '../common/errors';
import { incidentAssigneeOf, incidentOf, issueAssigneeOf, leadTimeBetween, planIssue } from './issue-plan';

const IE1 = {
  issue_key: 'DLK-1234',
  title: 'a feature from DLK',
  description: '',
  url: '',
  type: 'INCIDENT',
  status: 'TODO',
  created_date: '2020-01-01T12:00:00+00:00',
  updated_date: '2020-01-01T12:00:00+00:00',
  priority: '',
  severity: '',
  creator_id: 'user1131',
  creator_name: 'Nick name 1',
  assignee_id: 'user1132',
  assignee_name: 'Nick name 2',
};

function causesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookException) return error.causes;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('planIssue (spec api.md §9)', () => {
  it('builds IE1: ids prefixed, original_status from status with a warning, an incident', () => {
    const sut = planIssue(IE1, 1);
    expect(sut.isIncident).toBe(true);
    expect(sut.warnings).toEqual(['original_status: missing, stored the value of status']);
    expect(sut.issue).toMatchObject({
      id: 'webhook:1:DLK-1234',
      status: 'TODO',
      originalStatus: 'TODO',
      createdDate: new Date('2020-01-01T12:00:00Z'),
      resolutionDate: null,
      leadTimeMinutes: 0,
      storyPoint: 0,
      creatorId: 'webhook:1:user1131',
      assigneeId: 'webhook:1:user1132',
      parentIssueId: '',
      isSubtask: false,
      dueDate: null,
    });
    expect(issueAssigneeOf(sut.issue)).toEqual({ issueId: 'webhook:1:DLK-1234', assigneeId: 'webhook:1:user1132', assigneeName: 'Nick name 2' });
    expect(incidentOf(sut.issue, 'webhook:1')).toMatchObject({ incidentKey: 'DLK-1234', table: 'boards', scopeId: 'webhook:1', parentIncidentId: '' });
  });

  it('builds IE2: camelCase, lower-case type and status, computed lead time', () => {
    const sut = planIssue(
      {
        issueKey: 'DLK-1',
        title: 't',
        type: 'bug',
        status: 'done',
        originalStatus: 'Resolved',
        createdDate: '2024-03-01T00:00:00Z',
        resolutionDate: '2024-03-01T01:30:30Z',
        parentIssueKey: 'DLK-0',
        storyPoint: '3',
      },
      1,
    );
    expect(sut).toMatchObject({ isIncident: false, warnings: [] });
    expect(sut.issue).toMatchObject({ type: 'BUG', status: 'DONE', originalStatus: 'Resolved', leadTimeMinutes: 90, storyPoint: 3, parentIssueId: 'webhook:1:DLK-0' });
  });

  it('keeps a non-zero lead time, computes it when 0, clamps a negative one with a warning in the request style', () => {
    const base = { issueKey: 'K', title: 't', status: 'DONE', originalStatus: 'x', createdDate: '2024-03-01T01:00:00Z' };
    expect(planIssue({ ...base, resolutionDate: '2024-03-01T02:00:00Z', leadTimeMinutes: 5 }, 1).issue.leadTimeMinutes).toBe(5);
    expect(planIssue({ ...base, resolutionDate: '2024-03-01T02:00:00Z', leadTimeMinutes: 0 }, 1).issue.leadTimeMinutes).toBe(60);
    const negative = planIssue({ ...base, resolutionDate: '2024-03-01T00:00:00Z' }, 1);
    expect(negative.issue.leadTimeMinutes).toBe(0);
    expect(negative.warnings).toEqual(['leadTimeMinutes: resolutionDate is before createdDate, stored 0']);
  });

  it('stores empty ids as "", other types as sent, and no assignee row without an id', () => {
    const sut = planIssue({ ...IE1, original_status: 'Open', type: 'Story', assignee_id: '', creator_id: '', parent_issue_key: '' }, 7);
    expect(sut.issue).toMatchObject({ type: 'Story', assigneeId: '', creatorId: '', parentIssueId: '' });
    expect(sut.isIncident).toBe(false);
    expect(issueAssigneeOf(sut.issue)).toBeNull();
    expect(incidentAssigneeOf(sut.issue)).toEqual({ incidentId: 'webhook:7:DLK-1234', assigneeId: '', assigneeName: 'Nick name 2' });
    expect(planIssue({ ...IE1, type: 'ıncident' }, 1).issue.type).toBe('ıncident');
  });

  it('reports generated ids over 255 characters with the field causes, in request order', () => {
    const causes = causesOf(() => planIssue({ assignee_id: 'a'.repeat(250), status: 'nope', issue_key: 'k'.repeat(246), title: 't', created_date: '2024-01-01' }, 10));
    expect(causes).toEqual([
      'assignee_id: the resulting id would exceed 255 characters',
      'status: must be one of TODO, IN_PROGRESS, DONE',
      'issue_key: the resulting id would exceed 255 characters',
    ]);
    expect(() => planIssue({ ...IE1, issue_key: 'k'.repeat(244) }, 10)).not.toThrow();
  });

  it('names the field behind a column', () => {
    const sut = planIssue({ ...IE1, Parent_Issue_Key: 'P' }, 1);
    expect(sut.fieldOfColumn?.('parent_incident_id')).toBe('Parent_Issue_Key');
    expect(sut.fieldOfColumn?.('creator_name')).toBe('creator_name');
    expect(sut.fieldOfColumn?.('id')).toBe('issue_key');
    expect(sut.fieldOfColumn?.('table')).toBeUndefined();
  });
});

describe('leadTimeBetween', () => {
  it('truncates whole minutes and flags a negative span', () => {
    const at = (iso: string) => new Date(iso);
    expect(leadTimeBetween(at('2020-01-01T12:00:00Z'), at('2020-01-02T12:00:59.999Z'))).toEqual({ minutes: 1440, negative: false });
    expect(leadTimeBetween(at('2020-01-01T12:00:00Z'), at('2020-01-01T11:59:59Z'))).toEqual({ minutes: 0, negative: true });
    expect(leadTimeBetween(null, at('2020-01-01T12:00:00Z'))).toEqual({ minutes: 0, negative: false });
  });
});
