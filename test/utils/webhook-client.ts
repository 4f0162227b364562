import request from 'supertest';
import { TestApp } from './create-test-app';

export const ADMIN = '/plugins/webhook';
/** The API-key mount of the seed document's URLs. */
export const API_REST = '/api/rest/plugins/webhook';
export const API = API_REST;

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
export function rows(t: TestApp, table: string, orderBy = '1', where = '1=1', params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return selectRows(t, `SELECT * FROM \`${table}\` WHERE ${where} ORDER BY ${orderBy}`, params);
}

export async function count(t: TestApp, table: string, where = '1=1', params: unknown[] = []): Promise<number> {
  const result = await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`, params);
  return Number(result[0].n);
}

/** `POST` with the connection's key; a body goes as raw bytes, the way `curl -d` sends it. */
export function postWithKey(t: TestApp, key: string, path: string, body?: string | object) {
  const req = request(t.http).post(path).set('Authorization', `Bearer ${key}`);
  if (body === undefined) return req;
  return req.set('Content-Type', 'application/x-www-form-urlencoded').send(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * Rows as the same plain values on both drivers: datetimes as MySQL displays `datetime(3)`
 * (`2020-01-01 12:00:00.000`), integers and flags as numbers.
 */
export async function selectRows(t: TestApp, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = await t.dataSource.query(sql, params);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, plain(value)])));
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 23).replace('T', ' ');
  if (typeof value === 'bigint') return Number(value);
  return value;
}
