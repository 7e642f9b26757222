/*
 * Headless Debian Chromium through playwright-core (no downloaded browser builds here).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags this machine's Chromium needs headless, offline and as root. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium once; each test gets its own context (fresh storage). */
export function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Opens `url` in the dev app and signs in as the guest user. The dev backend runs the
 * auth backend's guest provider, so this yields a real Backstage token that the proxy
 * (credentials: require) accepts.
 */
export async function signInAsGuest(page, url) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
}

/**
 * Chromium reports "ResizeObserver loop completed with undelivered notifications" as a
 * window error event, not an exception. The dev server's error overlay shows it anyway
 * and then covers the page, so every later click would fail without saying why. Stop it
 * before the overlay sees it and hand it to `onNotice`: the runner fails the test with
 * a clear message instead.
 */
export async function keepResizeObserverNoticesOffThePage(context, onNotice) {
  await context.exposeBinding('__e2eResizeObserverNotice', (_source, text) =>
    onNotice(text),
  );
  await context.addInitScript(() => {
    window.addEventListener(
      'error',
      event => {
        if (/^ResizeObserver loop/.test(event.message)) {
          event.stopImmediatePropagation();
          window.__e2eResizeObserverNotice(event.message);
        }
      },
      true,
    );
  });
}
