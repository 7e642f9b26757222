import { markup, PageResult, renderPage } from './html';
import type { PageRequest } from './request';
import { demoTokenIsLive } from './viewer';

/**
 * GET /cli-auth: Coder's page that hands out a session token to paste into
 * a CLI, or here into Backstage's "Link Coder account" form. Real Coder mints
 * a new key for the signed-in user; the fake shows the token the browser's
 * session already carries, or the demo user's seeded one, so a visit never
 * creates state.
 */
export function cliAuthPage(page: PageRequest): PageResult {
  const { viewer } = page;
  const revoked =
    !viewer.signedIn &&
    !demoTokenIsLive(page.deployment.store) &&
    markup`<p class="error" role="alert">This token has been revoked (<code>POST /__fake/revoke</code>), so Coder will refuse it. <code>POST /__fake/reset</code> restores it.</p>`;
  return {
    status: 200,
    html: renderPage({
      title: 'Session token',
      heading: 'Your session token',
      viewer: page.banner,
      body: markup`<section>
<p>Copy the session token of <strong>${viewer.user.username}</strong> (${viewer.user.name}) and paste it into Backstage: the Coder card's "Coder session token" field, then "Link account".</p>
<label for="session-token">Session token</label>
<input id="session-token" name="session-token" type="text" readonly value="${viewer.token}" spellcheck="false" autocomplete="off">
${revoked}
</section>
<p class="muted">The other seeded users have fixed tokens too: <code>npx tsx dev/fake-coder/main.ts</code> prints them at start-up and <code>dev/fake-coder/README.md</code> lists them.</p>`,
    }),
  };
}
