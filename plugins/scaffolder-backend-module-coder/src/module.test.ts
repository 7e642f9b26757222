import { ConfigReader } from '@backstage/config';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import scaffolderModuleCoder from './index';

/**
 * The shape createBackendModule gives a feature (backend-plugin-api 1.x). The backend
 * reads it this way; @backstage/backend-test-utils, which would hide it, is not a
 * dependency here.
 */
interface ModuleRegistration {
  type: string;
  pluginId: string;
  moduleId: string;
  init: {
    deps: Record<string, { id: string }>;
    func(deps: Record<string, unknown>): Promise<void>;
  };
}

describe('scaffolderModuleCoder', () => {
  it('adds coder:workspace:create to the scaffolder through its actions extension point', async () => {
    const feature = scaffolderModuleCoder as unknown as {
      getRegistrations(): ModuleRegistration[];
    };
    const [registration] = feature.getRegistrations();
    expect(registration).toMatchObject({
      pluginId: 'scaffolder',
      moduleId: 'coder',
    });
    expect(registration.init.deps.scaffolder).toBe(
      scaffolderActionsExtensionPoint,
    );
    expect(registration.init.deps.config.id).toBe('core.rootConfig');

    const added: TemplateAction<any, any, any>[] = [];
    await registration.init.func({
      scaffolder: {
        addActions: (...actions: typeof added) => added.push(...actions),
      },
      config: new ConfigReader({}),
    });

    expect(added.map(action => action.id)).toEqual(['coder:workspace:create']);
    expect(added[0].supportsDryRun).toBe(true);
    expect(Object.keys(added[0].schema?.input?.properties ?? {})).toEqual([
      'templateName',
      'organization',
      'name',
      'parameters',
      'repoUrl',
      'repoUrlParameters',
      'waitUntilRunning',
      'timeoutSeconds',
      'token',
    ]);
    expect(added[0].schema?.input?.required).toEqual(['templateName', 'name']);
  });
});
