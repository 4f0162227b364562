import { joinSql, raw, sql } from './sql';

describe('sql', () => {
  it('turns values into placeholders and inlines nested pieces', () => {
    const inner = sql`b = ${2}`;
    const sut = sql`SELECT * FROM t WHERE a = ${1} AND ${inner} AND c IN (${['x', 'y']})`;
    expect(sut.text).toBe('SELECT * FROM t WHERE a = ? AND b = ? AND c IN (?, ?)');
    expect(sut.params).toEqual([1, 2, 'x', 'y']);
  });

  it('writes an empty list as NULL so IN matches nothing', () => {
    const sut = sql`a IN (${[]})`;
    expect(sut.text).toBe('a IN (NULL)');
    expect(sut.params).toEqual([]);
  });

  it('joins pieces and keeps raw text out of the parameters', () => {
    const sut = joinSql([sql`a = ${1}`, raw('b IS NULL')], ' OR ');
    expect(sut.text).toBe('a = ? OR b IS NULL');
    expect(sut.params).toEqual([1]);
  });
});
