import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoderProvider } from '../CoderProvider';
import { coderTestApis, TEST_ACCESS_URL } from '../../testUtils/coderTestApis';
import { CoderAuthForm } from './CoderAuthForm';

function renderForm(oauth: object) {
  const { apis } = coderTestApis({
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      coder: { deployment: { accessUrl: TEST_ACCESS_URL }, oauth },
    },
  });
  return renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <CoderProvider>
        <CoderAuthForm />
      </CoderProvider>
    </TestApiProvider>,
  );
}

describe('CoderAuthForm with Sign in with Coder', () => {
  afterEach(() => jest.restoreAllMocks());

  it('offers both ways to link when a client id is configured', async () => {
    await renderForm({ clientId: 'client-1' });
    expect(
      screen.getByRole('button', { name: 'Sign in with Coder' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/coder session token/i)).toBeInTheDocument();
  });

  it('offers only the sign-in when token linking is turned off', async () => {
    await renderForm({ clientId: 'client-1', tokenLinking: false });
    expect(
      screen.getByRole('button', { name: 'Sign in with Coder' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByLabelText(/coder session token/i),
    ).not.toBeInTheDocument();
  });

  it('explains a blocked popup and opens it from the next click', async () => {
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    await renderForm({ clientId: 'client-1' });
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in with Coder' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your browser blocked the Coder sign-in window.',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Open the sign-in window' }),
    );
    expect(open).toHaveBeenCalledTimes(2);
  });
});
