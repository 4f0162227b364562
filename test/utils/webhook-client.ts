import request from 'supertest';
import { TestApp } from './create-test-app';

export const ADMIN = '/plugins/webhook';
export const API_REST = '/api/rest/plugins/webhook';

export interface CreatedConnection {
  id: number;
  name: string;
  key: string;
  keyId: number;
}

/** Creates a connection through the admin API and returns its id and plaintext key. */
export async function createConnection(t: TestApp, name: string, auth?: { username: string; password: string }): Promise<CreatedConnection> {
  let call = request(t.http).post(`${ADMIN}/connections`).send({ name });
  if (auth) call = call.auth(auth.username, auth.password);
  const res = await call.expect(200);
  return { id: res.body.id, name, key: res.body.apiKey.apiKey, keyId: res.body.apiKey.id };
}

/**
 * Rows of a table as plain objects, ordered, with datetimes as MySQL displays them
 * (`2020-01-01 12:00:00.000`) whichever driver read them, so one expectation fits both.
 */
export async function rows(t: TestApp, table: string, orderBy = '1', where = '1=1', params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const result: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM \`${table}\` WHERE ${where} ORDER BY ${orderBy}`, params);
  return result.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, displayed(value)])));
}

function displayed(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}

export async function count(t: TestApp, table: string, where = '1=1', params: unknown[] = []): Promise<number> {
  const result = await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`, params);
  return Number(result[0].n);
}
