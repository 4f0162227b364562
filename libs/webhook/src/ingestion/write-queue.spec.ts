import { WriteQueue } from './write-queue';

describe('WriteQueue', () => {
  const deferred = () => {
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  };

  it('writes a request alone when nothing is in progress, then those that waited together, in order', async () => {
    const groups: string[][] = [];
    const first = deferred();
    const sut = new WriteQueue<string, string>(async (_key, plans) => {
      groups.push(plans);
      if (groups.length === 1) await first.promise;
      return plans.map((plan) => `${plan}!`);
    });
    const answers = [sut.submit('c1', 'a'), sut.submit('c1', 'b'), sut.submit('c1', 'c')];
    first.resolve();
    expect(await Promise.all(answers)).toEqual(['a!', 'b!', 'c!']);
    expect(groups).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps keys apart', async () => {
    const groups: string[][] = [];
    const sut = new WriteQueue<string, string>(async (key, plans) => {
      groups.push(plans.map((plan) => `${key}:${plan}`));
      return plans;
    });
    await Promise.all([sut.submit('c1', 'a'), sut.submit('c2', 'b')]);
    expect(groups).toEqual([['c1:a'], ['c2:b']]);
  });

  it('rejects the requests whose result is an error, and all of a group whose write fails', async () => {
    const rejected = new Error('409');
    const down = new Error('database down');
    const sut = new WriteQueue<string, string>(async (_key, plans) => {
      if (plans.includes('fail')) throw down;
      return plans.map((plan) => (plan === 'bad' ? rejected : plan));
    });
    await expect(sut.submit('c1', 'bad')).rejects.toBe(rejected);
    await expect(sut.submit('c1', 'fail')).rejects.toBe(down);
    await expect(sut.submit('c1', 'good')).resolves.toBe('good');
  });
});

describe('WriteQueue wait limit', () => {
  it('answers 503 to a request that waited too long for the write ahead of it, and never writes it', async () => {
    const groups: string[][] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((done) => (release = done));
    const sut = new WriteQueue<string, string>(async (_key, plans) => {
      groups.push(plans);
      if (groups.length === 1) await blocked;
      return plans;
    }, 20);
    const first = sut.submit('c1', 'a');
    await expect(sut.submit('c1', 'b')).rejects.toMatchObject({ status: 503 });
    release();
    expect(await first).toBe('a');
    expect(groups).toEqual([['a']]);
  });
});
