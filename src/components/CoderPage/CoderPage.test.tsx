import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { coderTestApis, TEST_ACCESS_URL } from '../../testUtils/coderTestApis';
import { CoderPage } from './CoderPage';

const server = setupServer();
registerMswTestHooks(server);

describe('CoderPage', () => {
  it('shows one link form while unlinked, and no progress that never ends', async () => {
    const { apis } = coderTestApis();
    await renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <CoderPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findAllByLabelText(/coder session token/i),
    ).toHaveLength(1);
    expect(
      screen.getByText(/link your coder account in my workspaces/i),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: new RegExp(TEST_ACCESS_URL) }),
    ).toBeInTheDocument();
    expect(screen.queryAllByRole('progressbar')).toEqual([]);
  });
});
