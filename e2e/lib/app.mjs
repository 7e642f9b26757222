/*
 * Steps shared by browser tests: open a sample entity, link an account, read the card.
 */
import { signInAsGuest } from './browser.mjs';
import { entityUrl } from './system.mjs';

export const DEMO_TOKEN = 'demo000001-fakeCoderDemoSecret001';

/** Signs in (first visit) and opens the running dev app's page for a sample entity. */
export async function openEntity(page, name) {
  await signInAsGuest(page, entityUrl(name));
  await page.getByRole('heading', { name: 'Coder workspaces' }).waitFor();
}

/** Pastes a token into the card's link form and submits it. */
export async function submitToken(page, token) {
  const field = page.getByLabel('Coder session token');
  await field.fill(token);
  await page.getByRole('button', { name: 'Link account' }).click();
}

/** The names of the workspaces a card (by its title) lists, in order. */
export async function listedWorkspaceNames(
  page,
  cardTitle = 'Coder workspaces',
) {
  const list = page.getByRole('list', { name: cardTitle });
  await list.waitFor();
  // Each row's first link is its name (a failed row also links to its build logs).
  return list
    .getByRole('listitem')
    .evaluateAll(rows =>
      rows.map(row => row.querySelector('a')?.firstChild?.textContent?.trim()),
    );
}

/**
 * Fails with `message` (text, or a function giving it) unless `condition()` becomes
 * true within `timeoutMs`.
 */
export async function eventually(condition, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await condition();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  const text = typeof message === 'function' ? message() : message;
  throw new Error(
    `${text} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
  );
}

/** Throws unless `actual` deep-equals `expected`. */
export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Throws `message` unless `value` is truthy. */
export function assert(value, message) {
  if (!value) throw new Error(message);
}
