/*
 * The development world itself: dev app → real Backstage proxy → fake Coder.
 */
import { BACKEND_URL, FAKE_CODER_URL } from '../../dev/stack.mjs';
import {
  assert,
  assertEqual,
  DEMO_TOKEN,
  eventually,
  listedWorkspaceNames,
  openEntity,
  submitToken,
} from '../lib/app.mjs';
import { fakeCoder } from '../lib/fakeCoder.mjs';
import { screenshotPath } from '../lib/system.mjs';

const PROXY = `${BACKEND_URL}/api/proxy/coder`;

async function guestBackstageToken() {
  const res = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token;
}

export const tests = [
  {
    name: 'the entity page lists the demo user’s workspaces fetched through the proxy',
    systems: ['legacy', 'new'],
    async run({ page }) {
      await openEntity(page, 'web-app');
      await fakeCoder.clearRequests();
      await submitToken(page, DEMO_TOKEN);
      const names = await eventually(async () => {
        const listed = await listedWorkspaceNames(page);
        return listed.length > 0 && listed;
      }, 'workspaces never appeared');
      assertEqual(
        [...names].sort(),
        [
          'web-app-broken',
          'web-app-feature',
          'web-app-legacy',
          'web-app-main',
          'web-app-review',
          'web-app-spike',
        ],
        'workspaces listed for acme/web-app',
      );
      const requests = await fakeCoder.requests();
      const list = requests.find(request =>
        request.url.startsWith('/api/v2/workspaces?'),
      );
      assert(list, 'the fake never saw the workspace search');
      assertEqual(
        list.headers['coder-session-token'],
        DEMO_TOKEN,
        'Coder token forwarded',
      );
      await page.screenshot({
        path: screenshotPath('entity-page-workspaces.png'),
      });
    },
  },
  {
    name: 'the proxy forwards only the Coder token: no Backstage Authorization, no cookies',
    async run() {
      const backstageToken = await guestBackstageToken();
      await fakeCoder.clearRequests();
      const res = await fetch(`${PROXY}/api/v2/users/me`, {
        headers: {
          Authorization: `Bearer ${backstageToken}`,
          'Coder-Session-Token': DEMO_TOKEN,
          Cookie: 'coder_session_token=from-the-browser; backstage-auth=x',
          'X-Extra': 'should-not-pass',
        },
      });
      assertEqual(res.status, 200, 'status through the proxy');
      const [seen] = await fakeCoder.requests();
      assertEqual(seen.url, '/api/v2/users/me', 'forwarded path');
      assert(
        !('authorization' in seen.headers),
        `Authorization reached Coder: ${JSON.stringify(seen.headers)}`,
      );
      assert(!('cookie' in seen.headers), 'cookies reached Coder');
      assert(!('x-extra' in seen.headers), 'an unlisted header reached Coder');
      assertEqual(
        seen.headers['coder-session-token'],
        DEMO_TOKEN,
        'Coder token',
      );
    },
  },
  {
    name: 'the proxy refuses requests without Backstage credentials, as in production',
    async run() {
      await fakeCoder.clearRequests();
      const res = await fetch(`${PROXY}/api/v2/users/me`, {
        headers: { 'Coder-Session-Token': DEMO_TOKEN },
      });
      assertEqual(res.status, 401, 'status without Backstage credentials');
      assertEqual(
        (await fakeCoder.requests()).length,
        0,
        'requests that reached Coder',
      );
    },
  },
  {
    name: 'starting a stopped workspace through the proxy walks pending → starting → running',
    async run() {
      const auth = {
        Authorization: `Bearer ${await guestBackstageToken()}`,
        'Coder-Session-Token': DEMO_TOKEN,
      };
      const search = await fetch(
        `${PROXY}/api/v2/workspaces?q=${encodeURIComponent('owner:me name:web-app-feature')}`,
        { headers: auth },
      ).then(res => res.json());
      const workspace = search.workspaces[0];
      assertEqual(workspace.latest_build.status, 'stopped', 'initial status');

      const created = await fetch(
        `${PROXY}/api/v2/workspaces/${workspace.id}/builds`,
        {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            transition: 'start',
            template_version_id: workspace.latest_build.template_version_id,
            reason: 'dashboard',
          }),
        },
      );
      assertEqual(created.status, 201, 'build creation status');
      const seen = [(await created.json()).status];
      await eventually(
        async () => {
          const current = await fetch(
            `${PROXY}/api/v2/workspaces/${workspace.id}`,
            { headers: auth },
          ).then(res => res.json());
          const status = current.latest_build.status;
          if (seen[seen.length - 1] !== status) seen.push(status);
          return status === 'running';
        },
        `build never reached running (saw ${seen.join(' → ')})`,
      );
      assertEqual(seen, ['pending', 'starting', 'running'], 'statuses seen');
      const again = await fetch(
        `${FAKE_CODER_URL}/api/v2/workspaces/${workspace.id}`,
        {
          headers: { 'Coder-Session-Token': DEMO_TOKEN },
        },
      ).then(res => res.json());
      assert(again.latest_build.deadline, 'a started workspace has a deadline');
    },
  },
];
