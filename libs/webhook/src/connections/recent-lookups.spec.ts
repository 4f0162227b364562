import { RecentLookups } from './recent-lookups';

describe('RecentLookups', () => {
  const rowLoader = (rows: (string | null)[]) => {
    const load = jest.fn<Promise<string | null>, []>();
    for (const row of rows) load.mockResolvedValueOnce(row);
    return load;
  };

  it('reads a found row once within its time to live, again after it', async () => {
    const sut = new RecentLookups<string, string>(1_000);
    const load = rowLoader(['v1', 'v2']);
    const now = jest.spyOn(Date, 'now').mockReturnValue(10_000);
    expect(await sut.get('k', load)).toBe('v1');
    now.mockReturnValue(10_999);
    expect(await sut.get('k', load)).toBe('v1');
    now.mockReturnValue(11_000);
    expect(await sut.get('k', load)).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
    now.mockRestore();
  });

  it('never remembers an absent row', async () => {
    const sut = new RecentLookups<string, string>();
    const load = rowLoader([null, 'created']);
    expect(await sut.get('k', load)).toBeNull();
    expect(await sut.get('k', load)).toBe('created');
  });

  it('reads again at once after forget()', async () => {
    const sut = new RecentLookups<string, string>();
    const load = rowLoader(['old', 'new']);
    await sut.get('k', load);
    sut.forget();
    expect(await sut.get('k', load)).toBe('new');
  });

  it('neither stores nor shares a read that started before forget()', async () => {
    const sut = new RecentLookups<string, string>();
    let finishStale: (row: string) => void = () => undefined;
    const stale = sut.get('k', () => new Promise((resolve) => (finishStale = resolve)));
    sut.forget();
    const fresh = sut.get('k', async () => 'new');
    finishStale('old');
    expect(await stale).toBe('old');
    expect(await fresh).toBe('new');
    expect(await sut.get('k', async () => 'unexpected')).toBe('new');
  });

  it('shares one read between concurrent misses', async () => {
    const sut = new RecentLookups<string, string>();
    const load = rowLoader(['v']);
    expect(await Promise.all([sut.get('k', load), sut.get('k', load)])).toEqual(['v', 'v']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
