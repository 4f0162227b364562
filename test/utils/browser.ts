import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

/**
 * Whether the browser suites can run. Without Chromium they are skipped with a notice, except
 * under CI, where the missing browser is a failure (.ci/run installs it).
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  console.warn(`\nNOTICE: browser suites skipped — ${CHROMIUM} not found (apt-get install -y chromium).\n`);
  return false;
}

/**
 * Headless, with the background services off (this machine has no network besides loopback).
 * Playwright gives every launch a fresh, empty profile directory of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
