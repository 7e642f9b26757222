import {
  renderInTestApp,
  TestApiProvider,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import { userFixture } from '../../testUtils/workspaceFixtures';
import { CoderAuthWrapper } from '../CoderAuthWrapper';
import { CoderProvider } from './CoderProvider';

const server = setupServer();
registerMswTestHooks(server);

function ShowConfig() {
  const config = useCoderAppConfig();
  return (
    <p>
      {config.deployment.accessUrl} {config.workspaces.defaultMode}{' '}
      {config.workspaces.repoUrlParamKeys.join(',')}
    </p>
  );
}

describe('CoderProvider', () => {
  it('lets the appConfig prop override app-config key by key, with defaults for the rest', async () => {
    const { apis } = coderTestApis({
      config: {
        coder: {
          deployment: { accessUrl: 'https://from-file.example.com/' },
          workspaces: { defaultMode: 'auto' },
        },
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider
          appConfig={{
            deployment: { accessUrl: 'https://from-prop.example.com' },
          }}
        >
          <ShowConfig />
        </CoderProvider>
      </TestApiProvider>,
    );
    expect(
      screen.getByText('https://from-prop.example.com auto repo_url'),
    ).toBeInTheDocument();
  });

  it('offers a fallback link button when no Coder component on the page can link, and drops it once linked', async () => {
    server.use(
      http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
        HttpResponse.json(userFixture()),
      ),
    );
    const { apis, tokenStore } = coderTestApis();
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider>
          <p>A page whose Coder parts are hidden</p>
        </CoderProvider>
        <CoderProvider>
          <p>A second provider on the same page</p>
        </CoderProvider>
      </TestApiProvider>,
    );
    const prompts = await screen.findAllByRole('button', {
      name: 'Link Coder account',
    });
    expect(prompts).toHaveLength(1);
    await userEvent.click(prompts[0]);
    await userEvent.type(
      await screen.findByLabelText(/coder session token/i),
      `${TEST_TOKEN}{Enter}`,
    );
    await waitFor(() => expect(tokenStore.getToken()).toBe(TEST_TOKEN));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Link Coder account' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('offers no fallback button before the user has signed in to Backstage', async () => {
    // A provider around the whole classic app also wraps the sign-in page, where the
    // app's identity waits for the sign-in.
    const { apis } = coderTestApis();
    const waitingForSignIn = {
      getBackstageIdentity: () => new Promise(() => {}),
      getProfileInfo: () => new Promise(() => {}),
      getCredentials: () => new Promise(() => {}),
      signOut: async () => {},
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[...apis, [identityApiRef, waitingForSignIn]] as any}
      >
        <CoderProvider>
          <p>The sign-in page</p>
        </CoderProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('The sign-in page')).toBeInTheDocument();
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(
      screen.queryByRole('button', { name: 'Link Coder account' }),
    ).not.toBeInTheDocument();
  });

  it('shows no fallback button while a link form is on the page', async () => {
    const { apis } = coderTestApis();
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderProvider>
          <CoderAuthWrapper type="card">
            <p>secret content</p>
          </CoderAuthWrapper>
        </CoderProvider>
      </TestApiProvider>,
    );
    expect(screen.getByLabelText(/coder session token/i)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Link Coder account' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('secret content')).not.toBeInTheDocument();
  });
});
