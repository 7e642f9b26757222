import type { CoderWorkspace } from '../../api/types';
import { workspaceFixture } from '../../testUtils/workspaceFixtures';
import { stableRowOrder } from './useStableRowOrder';

const workspace = (name: string, status: string) =>
  workspaceFixture(name, { status }) as unknown as CoderWorkspace;
/** The same workspace, now in `status`. */
const now = (
  base: CoderWorkspace,
  status: CoderWorkspace['latest_build']['status'],
): CoderWorkspace => ({
  ...base,
  latest_build: { ...base.latest_build, status },
});
const names = (list: CoderWorkspace[]) => list.map(item => item.name);

describe('stableRowOrder', () => {
  const alpha = workspace('alpha', 'stopped');
  const zulu = workspace('zulu', 'running');

  it("keeps a transitioning row where it was while Coder's order would move it", () => {
    // Coder lists running workspaces first; stopping zulu would move it below alpha.
    const before = [zulu, alpha];
    const stopping = now(zulu, 'stopping');
    expect(
      names(
        stableRowOrder(
          before.map(w => w.id),
          [alpha, stopping],
          new Set(),
        ),
      ),
    ).toEqual(['zulu', 'alpha']);
  });

  it("lets a settled row take Coder's place again", () => {
    const stopped = now(zulu, 'stopped');
    expect(
      names(stableRowOrder([zulu.id, alpha.id], [alpha, stopped], new Set())),
    ).toEqual(['alpha', 'zulu']);
  });

  it('keeps a held row (menu open) in place, and adds new rows without losing any', () => {
    const extra = workspace('mike', 'stopped');
    const ordered = stableRowOrder(
      [zulu.id, alpha.id],
      [alpha, extra, zulu],
      new Set([zulu.id]),
    );
    expect(names(ordered)).toEqual(['zulu', 'alpha', 'mike']);
  });

  it('drops rows that are gone', () => {
    expect(
      names(stableRowOrder([zulu.id, alpha.id], [alpha], new Set([zulu.id]))),
    ).toEqual(['alpha']);
  });
});
