/**
 * Headless Debian chromium through playwright-core for the dashboard's browser tests. The
 * flags are the ones this kind of machine needs (no sandbox as root, no GPU, no background
 * networking — the network is closed); playwright gives every launch a fresh temporary profile.
 * `.ci/run` installs chromium with apt-get when it is missing; where it is still missing
 * (a laptop without it) the browser tests are skipped with that reason.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The chromium binary the tests drive. */
export const CHROMIUM = process.env['BALLAST_CHROMIUM'] ?? '/usr/bin/chromium';

/** Whether {@link CHROMIUM} exists (browser tests skip without it). */
export const hasChromium = existsSync(CHROMIUM);

/** A headless chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
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
