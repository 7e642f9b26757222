import { alertApiRef } from '@backstage/core-plugin-api';
import { appTreeApiRef, toastApiRef } from '@backstage/frontend-plugin-api';
import { TestApiProvider } from '@backstage/test-utils';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCoderNotify } from './useCoderNotify';

function Notifier() {
  const notify = useCoderNotify();
  return (
    <>
      <button
        onClick={() =>
          notify({ message: 'Could not start web-app: 409', severity: 'error' })
        }
      >
        fail
      </button>
      <button
        onClick={() =>
          notify({
            message: 'Starting web-app…',
            severity: 'info',
            transient: true,
          })
        }
      >
        start
      </button>
    </>
  );
}

function fakes() {
  return {
    alertApi: { post: jest.fn(), alert$: jest.fn() },
    toastApi: { post: jest.fn(() => ({ close: () => {} })) },
  };
}

describe('useCoderNotify', () => {
  it('shows toasts in the new frontend system, errors until dismissed', async () => {
    const { alertApi, toastApi } = fakes();
    render(
      <TestApiProvider
        apis={[
          [alertApiRef, alertApi],
          [toastApiRef, toastApi],
          [appTreeApiRef, { getTree: () => ({ tree: {} }) } as any],
        ]}
      >
        <Notifier />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'fail' }));
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    expect(toastApi.post.mock.calls).toEqual([
      [
        {
          title: 'Could not start web-app: 409',
          status: 'danger',
          timeout: undefined,
        },
      ],
      [{ title: 'Starting web-app…', status: 'info', timeout: 5000 }],
    ]);
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('uses alerts in a classic app, whose toasts would hide errors after seconds', async () => {
    const { alertApi, toastApi } = fakes();
    render(
      <TestApiProvider
        apis={[
          [alertApiRef, alertApi],
          [toastApiRef, toastApi],
        ]}
      >
        <Notifier />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'fail' }));
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    expect(alertApi.post.mock.calls).toEqual([
      [
        {
          message: 'Could not start web-app: 409',
          severity: 'error',
          display: 'permanent',
        },
      ],
      [
        {
          message: 'Starting web-app…',
          severity: 'info',
          display: 'transient',
        },
      ],
    ]);
    expect(toastApi.post).not.toHaveBeenCalled();
  });

  it('replaces the toast about the same workspace with the newer one', async () => {
    const { alertApi } = fakes();
    const closed: string[] = [];
    const toastApi = {
      post: jest.fn((toast: { title: string }) => ({
        close: () => closed.push(toast.title),
      })),
    };
    function SameWorkspace() {
      const notify = useCoderNotify();
      return (
        <button
          onClick={() => {
            notify({ message: 'Starting a…', severity: 'info', key: 'a' });
            notify({ message: 'Starting b…', severity: 'info', key: 'b' });
            notify({ message: 'a is running.', severity: 'success', key: 'a' });
          }}
        >
          go
        </button>
      );
    }
    render(
      <TestApiProvider
        apis={[
          [alertApiRef, alertApi],
          [toastApiRef, toastApi],
          [appTreeApiRef, { getTree: () => ({ tree: {} }) } as any],
        ]}
      >
        <SameWorkspace />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    expect(closed).toEqual(['Starting a…']);
    expect(toastApi.post).toHaveBeenCalledTimes(3);
  });

  it('puts the link into the alert text in a classic app', async () => {
    const { alertApi, toastApi } = fakes();
    function Linked() {
      const notify = useCoderNotify();
      return (
        <button
          onClick={() =>
            notify({
              message: 'Created a.',
              severity: 'success',
              link: { label: 'Open in Coder', href: 'https://coder.test/@d/a' },
            })
          }
        >
          go
        </button>
      );
    }
    render(
      <TestApiProvider
        apis={[
          [alertApiRef, alertApi],
          [toastApiRef, toastApi],
        ]}
      >
        <Linked />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    expect(alertApi.post).toHaveBeenCalledWith({
      message: 'Created a. Open in Coder: https://coder.test/@d/a',
      severity: 'success',
      display: 'permanent',
    });
  });
});
