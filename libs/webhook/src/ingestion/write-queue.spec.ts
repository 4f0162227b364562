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
    }, 1000);
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
    }, 1000);
    await Promise.all([sut.submit('c1', 'a'), sut.submit('c2', 'b')]);
    expect(groups).toEqual([['c1:a'], ['c2:b']]);
  });

  it('rejects the requests whose result is an error, and all of a group whose write fails', async () => {
    const rejected = new Error('409');
    const down = new Error('database down');
    const sut = new WriteQueue<string, string>(async (_key, plans) => {
      if (plans.includes('fail')) throw down;
      return plans.map((plan) => (plan === 'bad' ? rejected : plan));
    }, 1000);
    await expect(sut.submit('c1', 'bad')).rejects.toBe(rejected);
    await expect(sut.submit('c1', 'fail')).rejects.toBe(down);
    await expect(sut.submit('c1', 'good')).resolves.toBe('good');
  });
});

describe('WriteQueue time limits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A queue with a 3 s write deadline and a 1 s allowance whose first write waits for `release`. */
  function blockedQueue() {
    const groups: string[][] = [];
    const deadlines: number[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((done) => (release = done));
    const sut = new WriteQueue<string, string>(
      async (_key, plans, deadlineMs) => {
        groups.push(plans);
        deadlines.push(deadlineMs);
        if (groups.length === 1) await blocked;
        return plans;
      },
      3000,
      1000,
    );
    return { sut, groups, deadlines, release: () => release() };
  }

  it('lets a request wait behind a write slower than the allowance, its own write getting the time it has left', async () => {
    const { sut, groups, deadlines, release } = blockedQueue();
    const first = sut.submit('c1', 'a');
    const second = sut.submit('c1', 'b');
    await jest.advanceTimersByTimeAsync(2500);
    release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(groups).toEqual([['a'], ['b']]);
    expect(deadlines).toEqual([3000, 1500]);
  });

  it('answers 503 to a request still waiting at the write deadline plus the allowance, and never writes it', async () => {
    const { sut, groups, release } = blockedQueue();
    const first = sut.submit('c1', 'a');
    let settled = false;
    const second = sut.submit('c1', 'b').finally(() => (settled = true));
    second.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(3999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(second).rejects.toMatchObject({ status: 503 });
    release();
    expect(await first).toBe('a');
    expect(groups).toEqual([['a']]);
  });
});
