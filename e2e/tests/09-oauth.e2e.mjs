/*
 * "Sign in with Coder": OAuth2 with PKCE against the fake Coder's provider, through the
 * real Backstage proxy (which adds the client credentials). The browser must never see
 * the client secret, and every step is checked on the fake's side too.
 */
import { APP_URL } from '../../dev/stack.mjs';
import { assert, assertEqual, eventually, openEntity } from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';

// The fake's pre-registered dev app (dev/fake-coder/oauth2/devApp.ts).
const CLIENT_ID = 'c0de0009-0000-4000-8000-000000000001';
const CLIENT_SECRET =
  'coder_bkstgDev01_fakeCoderBackstageDevClientSecret0000001';

const workspacesList = page =>
  page.getByRole('list', { name: 'Coder workspaces' });

/** Everything the page receives, to prove the secret never reaches the browser. */
function recordResponses(page) {
  const bodies = [];
  page.on('response', async response => {
    const body = await response.text().catch(() => '');
    bodies.push(
      `${response.url()} ${JSON.stringify(response.headers())} ${body}`,
    );
  });
  return bodies;
}

/** Clicks "Sign in with Coder" and returns the popup. */
async function openSignIn(page) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Sign in with Coder' }).click(),
  ]);
  return popup;
}

/** In the popup: Coder's login, then its consent page. */
async function consent(popup) {
  await popup.getByLabel('Email').fill('demo@example.com');
  await popup.getByLabel('Password').fill('demo-password');
  await popup.getByRole('button', { name: 'Sign In' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
}

export const tests = [
  {
    name: 'signs in through the consent page, stays linked on reload, refreshes an expired token, and revokes on unlink',
    async run({ page }) {
      const received = recordResponses(page);
      await openEntity(page, 'web-app');
      const popup = await openSignIn(page);
      await consent(popup);
      await popup.waitForEvent('close', { timeout: 30_000 });
      await workspacesList(page).waitFor();
      await page.screenshot({ path: 'screenshots/oauth-linked.png' });

      let pairs = await fakeCoder.oauthTokens();
      assertEqual(pairs.length, 1, 'token pairs issued');
      assertEqual(pairs[0].clientId, CLIENT_ID, 'client');
      assertEqual(pairs[0].username, 'demo', 'user');

      // The exchange went through the proxy with the Basic credentials, and nothing of
      // Backstage's own (its token, cookies) reached Coder.
      const exchange = (await fakeCoder.requests()).find(
        request =>
          request.method === 'POST' && request.url.startsWith('/oauth2/tokens'),
      );
      assert(exchange, 'the code exchange reached Coder');
      const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
      assertEqual(exchange.headers.authorization, expected, 'Authorization');
      assert(!exchange.headers.cookie, 'no cookies forwarded');

      // Stays linked across a reload.
      await page.reload();
      await workspacesList(page).waitFor();

      // Coder expires the access token: the next request is refused, the plugin
      // refreshes (rotation) and the card carries on without asking the user. It never
      // refreshes a token obtained in the last 30 s (a 401 that soon is not expiry), so
      // the token must be older than that first.
      await page.waitForTimeout(31_000);
      await fakeCoder.clearRequests();
      await fakeCoder.expireOAuthTokens();
      await page.getByRole('button', { name: 'Refresh workspaces' }).click();
      await eventually(
        async () => (await fakeCoder.oauthTokens()).length === 2,
        'refreshed',
        30_000,
      );
      pairs = await fakeCoder.oauthTokens();
      assert(pairs[0].revoked, 'the first pair died with the rotation');
      assert(!pairs[1].revoked, 'the new pair is live');
      await workspacesList(page).waitFor();
      const stored = await page.evaluate(() => JSON.stringify(localStorage));
      assert(
        stored.includes(pairs[1].accessToken),
        'the new access token is in use',
      );

      // Unlink: the pair is revoked at Coder and forgotten here.
      await page.getByRole('button', { name: 'More Coder actions' }).click();
      await page
        .getByRole('menuitem', { name: /Unlink Coder account/ })
        .click();
      await page.getByRole('button', { name: 'Sign in with Coder' }).waitFor();
      await eventually(
        async () => (await fakeCoder.oauthTokens()).every(pair => pair.revoked),
        'every pair revoked on unlink',
      );
      const after = await page.evaluate(() => JSON.stringify(localStorage));
      assert(!after.includes(pairs[1].refreshToken), 'refresh token forgotten');

      assert(
        received.every(text => !text.includes(CLIENT_SECRET)),
        'no response to the browser contained the client secret',
      );
      assert(
        !stored.includes(CLIENT_SECRET) && !after.includes(CLIENT_SECRET),
        'storage never held the client secret',
      );
    },
  },
  {
    name: 'an answer with the wrong state is rejected and nothing is linked',
    async run({ page }) {
      await openEntity(page, 'web-app');
      const popup = await openSignIn(page);
      await popup.getByLabel('Email').waitFor();
      // A forged redirect to our callback, as if from another sign-in. Navigated from
      // the page itself: a navigation by the browser UI would sever window.opener.
      await popup.evaluate(url => {
        window.location.href = url;
      }, `${APP_URL}/coder/oauth/callback?code=coder_forged_code&state=forged`);
      await page
        .getByRole('alert')
        .filter({ hasText: /did not match this sign-in/ })
        .waitFor();
      assertEqual(
        (await fakeCoder.oauthTokens()).length,
        0,
        'token pairs issued',
      );
      await page.getByLabel('Coder session token').waitFor();
    },
  },
];
