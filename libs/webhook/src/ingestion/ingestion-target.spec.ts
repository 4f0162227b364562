import { WebhookConnectionEntity } from '@app/domain';
import { WebhookException } from '../common/errors';
import { RequestTarget } from './ingestion-target';

describe('RequestTarget', () => {
  it.each([
    [{ connectionId: '007' }, { connectionId: 7 }],
    [{ connectionName: 'ci one' }, { connectionName: 'ci one' }],
    [{ projectName: 'payments' }, { projectName: 'payments' }],
  ])('parses %j once into %j', (ref, target) => {
    expect(new RequestTarget(ref).parsed).toEqual({ target });
  });

  it.each([[{ connectionId: '0' }], [{ connectionId: 'abc' }], [{ connectionName: 'x'.repeat(101) }], [{ projectName: ' padded' }]])(
    'keeps the client error of %j for the target guard',
    (ref) => {
      const { target, error } = new RequestTarget(ref).parsed;
      expect(target).toBeUndefined();
      expect(error).toBeInstanceOf(WebhookException);
    },
  );

  it('looks the connection up once, however many steps ask, and remembers its id', async () => {
    const row = { id: 42, name: 'ci' } as WebhookConnectionEntity;
    const find = jest.fn().mockResolvedValue(row);
    const target = new RequestTarget({ connectionName: 'ci' });
    expect(target.knownConnectionId).toBeUndefined();
    await expect(target.connection(find)).resolves.toBe(row);
    await expect(target.connection(find)).resolves.toBe(row);
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith({ connectionName: 'ci' });
    expect(target.knownConnectionId).toBe(42);
  });

  it('never looks up an invalid target', async () => {
    const find = jest.fn();
    await expect(new RequestTarget({ connectionId: 'x' }).connection(find)).resolves.toBeNull();
    expect(find).not.toHaveBeenCalled();
  });
});
