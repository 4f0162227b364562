import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactPath, chromiumAvailable, launchChromium } from './utils/browser';
import { ensureConsoleBuilt } from './utils/console-build';
import { createTestApp, TestApp } from './utils/create-test-app';
import { count } from './utils/webhook-client';

jest.setTimeout(120_000);

const AUTH = { username: 'admin', password: 'console-secret' };
const HOUR = 3_600_000;

/**
 * The console in Debian's Chromium against the real server on an ephemeral port, as an operator
 * uses it. SQLite only: the browser exercises the front-end; the database behaviour behind each
 * route is covered on both drivers by the API suites.
 */
(chromiumAvailable() ? describe : describe.skip)('the console in a browser', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await createTestApp('sqlite', 'console_browser', { ADMIN_USERNAME: AUTH.username, ADMIN_PASSWORD: AUTH.password });
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.http.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ httpCredentials: AUTH, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('request', (req) => requested.push(req.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Pushes a deployment the way a CI job does: with the connection's key, on the API-key mount. */
  const pushDeployment = (key: string, id: number, body: Record<string, unknown>) =>
    fetch(`${origin}/api/rest/plugins/webhook/connections/${id}/deployments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  const deployment = (name: string, startedAt: number) => ({
    pipeline_id: name,
    repo_url: 'https://github.com/acme/api',
    commit_sha: `${name}-sha`,
    start_time: new Date(startedAt).toISOString(),
    end_time: new Date(startedAt + 10 * 60_000).toISOString(),
  });
  const barSum = async (metric: string, series: string) =>
    page
      .locator(`[data-metric="${metric}"] figure:has(figcaption:text-matches("${series}")) rect.bar`)
      .evaluateAll((bars) => bars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-value') || 0), 0));

  let key = '';
  let connectionId = 0;

  it('opens at / and creates a connection whose key is shown once', async () => {
    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/plugins/webhook/console/`);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await page.getByLabel('Name').fill('ci');
    await page.getByRole('button', { name: 'Create' }).click();
    key = await page.getByRole('textbox', { name: 'API key', exact: true }).inputValue();
    expect(key).toMatch(/^[A-Za-z0-9]{128}$/);
    await page.getByRole('button', { name: 'Copy API key' }).waitFor();
    await page.getByRole('link', { name: 'ci' }).waitFor();
    await page.screenshot({ path: artifactPath('connections-new-key-1280.png'), fullPage: true });
    connectionId = (await t.dataSource.query("SELECT id FROM _tool_webhook_connections WHERE name = 'ci'"))[0].id;

    await page.reload();
    await page.getByRole('link', { name: 'ci' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'API key', exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(key);
  });

  it('shows the connection’s endpoints and snippets with this server’s URL', async () => {
    await page.getByRole('link', { name: 'ci' }).click();
    await page.getByRole('heading', { name: 'Snippets' }).waitFor();
    const deployUrl = `${origin}/rest/plugins/webhook/connections/${connectionId}/deployments`;
    for (const title of ['curl (seed form)', 'curl (DevLake 1.x form)', 'GitHub Actions', 'GitLab CI', 'CircleCI', 'Jenkins']) {
      const snippet = page.getByRole('region', { name: title, exact: true });
      expect(await snippet.locator('code').textContent()).toContain(deployUrl);
    }
    expect(await page.locator('[data-snippet="cli"]').textContent()).toContain(
      `npx devlake-webhook deployment --url '${origin}' --connection ${connectionId}`,
    );
    await page.screenshot({ path: artifactPath('connection-setup-1280.png'), fullPage: true });
  });

  it('lists the requests pushed with the key, filters the rejected ones and pages with beforeId', async () => {
    expect((await pushDeployment(key, connectionId, deployment('deploy-1', Date.now() - 2 * HOUR))).status).toBe(200);
    const rejected = await pushDeployment(key, connectionId, { repo_url: 'https://github.com/acme/api', commit_sha: 'x' });
    expect(rejected.status).toBe(400);
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: 'Requests' }).waitFor();
    const items = page.locator('li.request');
    await expect2(() => items.count(), 2);
    const accepted = items.filter({ hasText: 'created' });
    expect(await accepted.locator('.status').textContent()).toBe('200');
    const refused = items.filter({ hasText: 'rejected' });
    expect(await refused.locator('.status').textContent()).toBe('400');
    expect(await refused.getByRole('list', { name: 'Causes' }).textContent()).toContain('start_time: is required');
    await refused.getByText('Stored body').click();
    expect(await refused.locator('details pre').first().textContent()).toContain('"commit_sha": "x"');

    await page.getByLabel('Rejected only').check();
    await expect2(() => items.count(), 1);
    await page.screenshot({ path: artifactPath('requests-1280.png'), fullPage: true });
    await page.getByLabel('Rejected only').uncheck();

    // 50 more rejected calls: the newest 50 fill the first page, the older ones come with beforeId.
    await Promise.all(Array.from({ length: 50 }, () => pushDeployment(key, connectionId, {})));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect2(() => items.count(), 50);
    await page.getByRole('button', { name: 'Load older requests' }).click();
    await expect2(() => items.count(), 52);
    expect(requested.some((url) => /\/requests\?limit=50&beforeId=\d+$/.test(url))).toBe(true);
    await page.getByText('(no older requests)').waitFor();
  });

  it('maps the connection to a project', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    await page.getByLabel('Connection').selectOption({ label: 'ci' });
    await page.getByLabel('Project').fill('shop');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByRole('button', { name: 'Unmap ci from shop' }).waitFor();
    expect(await count(t, 'project_mapping', 'project_name = ? AND row_id = ?', ['shop', `webhook:${connectionId}`])).toBe(3);

    await page.getByLabel('Project').fill('payments');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByRole('button', { name: 'Unmap ci from payments' }).click();
    await page.locator('tr[data-project="payments"]').getByText('none').waitFor();
    expect(await count(t, 'project_mapping', 'project_name = ?', ['payments'])).toBe(0);
    expect(await count(t, 'project_mapping', 'project_name = ?', ['shop'])).toBe(3);
  });

  it('shows the project’s DORA tiles and charts, and they follow new data, the window and the report', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'DORA' }).click();
    await page.getByRole('heading', { name: 'DORA', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Projects' }).getByRole('link', { name: 'shop' }).click();
    const tiles = page.locator('section[aria-labelledby="dora-heading"] article.tile');
    await expect2(() => tiles.count(), 4);
    for (const title of ['Deployment frequency', 'Lead time for changes', 'Change failure rate', 'Failed deployment recovery time']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    const frequency = page.locator('[data-metric="deploymentFrequency"]');
    expect(['Elite', 'High', 'Medium', 'Low']).toContain(await frequency.locator('.level').textContent());
    expect(await frequency.locator('.benchmark').textContent()).toMatch(/^Benchmark: .+\((elite|high|medium|low)\)$/);
    expect(await frequency.getByRole('img').count()).toBe(3);
    expect(await barSum('deploymentFrequency', 'deployments by month')).toBe(1);
    expect(await page.locator('section[aria-labelledby="issues-heading"] article.tile').count()).toBe(6);

    expect((await pushDeployment(key, connectionId, deployment('deploy-2', Date.now() - 30 * HOUR))).status).toBe(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect2(() => barSum('deploymentFrequency', 'deployments by month'), 2);
    await page.screenshot({ path: artifactPath('dora-1280.png'), fullPage: true });

    await page.getByLabel('Report').selectOption('2021');
    await page.getByRole('heading', { name: 'Time to restore service' }).waitFor();
    expect(requested.some((url) => url.includes('/dora/projects/shop?report=2021'))).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From').fill(today);
    await page.getByRole('status').filter({ hasText: `Window ${today}T00:00:00.000Z` }).waitFor();
    expect(await barSum('deploymentFrequency', 'deployments by month')).toBeLessThanOrEqual(1);
  });

  it('renames, rotates the key (shown once) and deletes a connection after an explicit purge choice', async () => {
    const keyBox = page.getByRole('textbox', { name: 'API key', exact: true });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Connections' }).click();
    await page.getByLabel('Name').fill('old-name');
    await page.getByRole('button', { name: 'Create' }).click();
    const firstKey = await keyBox.inputValue();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await keyBox.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Rename old-name' }).click();
    await page.getByLabel('New name').fill('staging');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'staging' }).waitFor();
    const [{ id }] = await t.dataSource.query("SELECT id FROM _tool_webhook_connections WHERE name = 'staging'");

    await page.getByRole('button', { name: 'Rotate key of staging' }).click();
    await page.getByRole('button', { name: 'Confirm rotate' }).click();
    await keyBox.waitFor();
    const secondKey = await keyBox.inputValue();
    expect(secondKey).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(secondKey).not.toBe(firstKey);
    expect((await pushDeployment(firstKey, id, deployment('staging-1', Date.now()))).status).toBe(403);
    expect((await pushDeployment(secondKey, id, deployment('staging-1', Date.now()))).status).toBe(200);

    await page.getByRole('button', { name: 'Delete staging' }).click();
    const confirm = page.getByRole('button', { name: 'Confirm delete' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Purge every row it wrote, and its request log').check();
    await confirm.click();
    await page.getByRole('link', { name: 'staging' }).waitFor({ state: 'detached' });
    expect(await count(t, '_tool_webhook_connections', 'id = ?', [id])).toBe(0);
    expect(await count(t, 'cicd_deployments', 'cicd_scope_id = ?', [`webhook:${id}`])).toBe(0);
    expect(await count(t, '_tool_webhook_requests', 'connection_id = ?', [id])).toBe(0);
  });

  it('works at 390 px wide', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, hash] of [['dora', `#/dora/shop`], ['connections', '#/connections'], ['requests', `#/connections/${connectionId}/requests`]]) {
      await page.goto(`${origin}/plugins/webhook/console/${hash}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ name, overflow }).toEqual({ name, overflow: 0 });
      await page.screenshot({ path: artifactPath(`${name}-390.png`), fullPage: true });
    }
  });

  it('never requested anything from another origin', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
  });
});

/** Polls until `read()` gives `expected` (the page updates asynchronously), else fails with the last value. */
async function expect2(read: () => Promise<number>, expected: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toBe(expected);
}
