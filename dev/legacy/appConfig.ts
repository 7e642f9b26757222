import type { CoderAppConfig } from '../../src/config/CoderAppConfig';

/*
 * The classic dev apps' `CoderProvider` prop, as the README's App.tsx has one: accessUrl
 * comes from app-config.yaml (which follows CODER_URL), the workspace defaults from here
 * (app-config.yaml has the same ones, for the new-system dev app).
 */
const workspaceDefaults: Omit<CoderAppConfig, 'deployment'> = {
  workspaces: {
    defaultTemplateName: 'devcontainers',
    defaultMode: 'manual',
    repoUrlParamKeys: ['repo_url', 'custom_repo', 'source_repo'],
    params: { region: 'eu-helsinki' },
    // "Empty service" asks for one-click creation; entities may only if allowed.
    fromEntities: { autoMode: true },
  },
};

/** The prop itself; its `deployment` is app-config's, so the prop may leave it out. */
export const devAppConfig = workspaceDefaults as CoderAppConfig;
