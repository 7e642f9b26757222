import { describeCoderError } from './describeCoderError';
import { toCoderResponseError } from './errors';

/** The error the client throws for an answer with this status and body. */
async function answered(status: number, body: object | string) {
  return toCoderResponseError(
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: {
        'Content-Type':
          typeof body === 'string' ? 'text/plain' : 'application/json',
      },
    }),
  );
}

describe('describeCoderError', () => {
  it("tells Coder's own 500 apart from an unreachable Coder", async () => {
    const own = describeCoderError(
      await answered(500, {
        message: 'Internal error updating provisioner job.',
        detail: 'only owners can cancel workspace builds',
      }),
    );
    expect(own).toMatchObject({
      kind: 'server-error',
      title: 'Coder reported an error (HTTP 500)',
      message:
        'Internal error updating provisioner job. only owners can cancel workspace builds',
    });

    const gateway = describeCoderError(
      await answered(504, 'Error occurred while trying to proxy'),
    );
    expect(gateway.kind).toBe('unreachable');
    expect(gateway.title).toBe('Coder is unreachable (HTTP 504)');
    expect(gateway.message).toMatch(/could not get an answer from Coder/);
  });

  it('says a sentence Coder repeats as its detail once', async () => {
    const conflict = describeCoderError(
      await answered(409, {
        message: 'A workspace build is already active.',
        detail: 'A workspace build is already active.',
      }),
    );
    expect(conflict.kind).toBe('conflict');
    expect(conflict.message).toBe('A workspace build is already active.');
  });

  it('names a workspace deleted meanwhile, for a build (409) and a read (410)', async () => {
    const build = describeCoderError(
      await answered(409, {
        message: 'Cannot start a deleted workspace!',
        detail: 'This workspace has been deleted and cannot be modified.',
      }),
    );
    expect(build).toMatchObject({ kind: 'gone', title: 'Deleted in Coder' });
    expect(build.message).toMatch(/^Cannot start a deleted workspace!/);

    const read = describeCoderError(
      await answered(410, {
        message:
          "Workspace \"c0de0004-0000-4000-8000-000000000001\" was deleted, you can view this workspace by specifying '?include_deleted=true' and trying again.",
      }),
    );
    expect(read).toMatchObject({ kind: 'gone', title: 'Deleted in Coder' });
    expect(read.message).not.toMatch(/include_deleted|c0de0004/);
  });

  it("gives a deprecated template's 400 with Coder's reason, not as a permission problem", async () => {
    const deprecated = describeCoderError(
      await answered(400, {
        message:
          'Template "legacy-vm" has been deprecated, and cannot be used to create a new workspace.',
        detail: 'Use the Dev Containers template instead.',
      }),
    );
    expect(deprecated.kind).toBe('bad-request');
    expect(deprecated.message).toBe(
      'Template "legacy-vm" has been deprecated, and cannot be used to create a new workspace. Use the Dev Containers template instead.',
    );
  });
});
