import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEPLOYMENT_DTO_OF_FORM, deploymentFieldsFor } from '../../deployments/dto/deployment-fields';
import { IssueDto } from '../../issues/dto/issue.dto';
import { dtoClassOf } from './webhook-body';
import { RejectedValue } from './webhook-field.decorators';

const problems = (dto: object) =>
  Object.fromEntries(validateSync(dto, { stopAtFirstError: true }).map((error) => [error.property, Object.values(error.constraints ?? {})[0]]));

describe('webhook field decorators (class-transformer + class-validator)', () => {
  it('coerce weakly typed values on the way in and validate with the spec cause texts', () => {
    const sut = plainToInstance(IssueDto, { issueKey: 12, title: true, status: 'in_progress', createdDate: 1577880000, storyPoint: '2.5', leadTimeMinutes: 7.9 });
    expect(problems(sut)).toEqual({});
    expect(sut).toMatchObject({ issueKey: '12', title: '1', status: 'IN_PROGRESS', storyPoint: 2.5, leadTimeMinutes: 7 });
    expect(sut.createdDate).toEqual(new Date('2020-01-01T12:00:00Z'));
  });

  it('report one cause per field', () => {
    const sut = plainToInstance(IssueDto, { title: '', status: 'open', createdDate: 'yesterday', leadTimeMinutes: -1, url: 'u'.repeat(256) });
    expect(problems(sut)).toEqual({
      issueKey: 'is required',
      title: 'is required',
      status: 'must be one of TODO, IN_PROGRESS, DONE',
      createdDate: '"yesterday" is not a supported time',
      leadTimeMinutes: 'must not be negative',
      url: 'must be at most 255 characters',
    });
    expect(sut.status).toBeInstanceOf(RejectedValue);
  });

  it('bind each deployment form to its DTO class', () => {
    for (const form of ['v1x', 'seedSingle', 'seedMulti'] as const) {
      expect(dtoClassOf(deploymentFieldsFor(form))).toBe(DEPLOYMENT_DTO_OF_FORM[form]);
    }
  });
});
