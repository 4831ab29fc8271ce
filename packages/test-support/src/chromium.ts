import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which CI installs. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` when Chromium is there, or when it must be (`FAULTLINE_REQUIRE_SERVICES=1`: the
 * suite then runs and fails at launch); otherwise `describe.skip`, whose name says why.
 */
export function describeWithChromium(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM) || process.env.FAULTLINE_REQUIRE_SERVICES === '1') {
    describe(name, suite);
  } else {
    describe.skip(
      `${name} (skipped: ${CHROMIUM} is absent; FAULTLINE_REQUIRE_SERVICES=1 fails instead)`,
      suite,
    );
  }
}

/** Headless Chromium with nothing of its own reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
