/*
 * The card as a new user meets it: it keeps the user's place and tells the truth.
 */
import { entityUrl } from '../lib/system.mjs';
import {
  assertEqual,
  DEMO_TOKEN,
  eventually,
  openEntity,
  submitToken,
} from '../lib/app.mjs';

const BOTH = ['legacy', 'new'];

async function linkDemo(page, entity) {
  await openEntity(page, entity);
  await submitToken(page, DEMO_TOKEN);
  await page.getByRole('list', { name: 'Coder workspaces' }).waitFor();
}

/** Moves to another page inside the app, as a sidebar or catalog link does (no reload). */
async function navigateInApp(page, url) {
  await page.evaluate(target => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, new URL(url).pathname);
}

const searchBox = page =>
  page.getByRole('textbox', { name: 'Search workspaces' });

export const tests = [
  {
    name: 'a search stays with its entity: another entity starts afresh, Back and reload keep it',
    systems: BOTH,
    async run({ page }) {
      await linkDemo(page, 'web-app');
      await searchBox(page).fill('owner:me status:stopped');
      await eventually(
        async () =>
          new URL(page.url()).searchParams.get('coder-search') ===
          'owner:me status:stopped',
        () => `the search is not in the URL: ${page.url()}`,
      );

      await navigateInApp(page, entityUrl('payments-api'));
      await eventually(
        async () => (await searchBox(page).inputValue()) === 'owner:me',
        'the next entity inherited the search',
      );
      await page
        .getByRole('list', { name: 'Coder workspaces' })
        .getByRole('link', { name: /payments-api/ })
        .first()
        .waitFor();

      await page.goBack();
      await eventually(
        async () =>
          (await searchBox(page).inputValue()) === 'owner:me status:stopped',
        'Back did not restore the search',
      );
      await page.reload();
      await eventually(
        async () =>
          (await searchBox(page).inputValue()) === 'owner:me status:stopped',
        'a reload lost the search',
      );
      assertEqual(
        new URL(page.url()).pathname,
        new URL(entityUrl('web-app')).pathname,
        'page',
      );
    },
  },
];
