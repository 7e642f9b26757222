import { useWorkspacesConfigOrError } from '../hooks/useCoderWorkspacesConfig';
import { repositoryWorkspacesUrl } from '../workspaces/repositoryWorkspacesUrl';

/** What the About card's Coder link shows and does. */
export interface OpenInCoderLinkProps {
  label: string;
  title?: string;
  href?: string;
  disabled?: boolean;
}

/**
 * The About card's "Open in Coder": the user's workspaces of this repository on Coder's
 * own dashboard. A plain link, like "View Source" beside it: the catalog renders it on
 * every entity page at start, so it must cost no request and none of the card's code
 * (the card, on the same page, is where workspaces are listed and acted on).
 */
export function useOpenInCoderLink(): OpenInCoderLinkProps {
  const { appConfig, workspacesConfig, configError } =
    useWorkspacesConfigOrError({ readEntityData: true });
  const label = 'Open in Coder';
  if (!appConfig || !workspacesConfig) {
    // Named in full by the workspaces card; the About card must not break over it.
    return { label, title: configError?.message, disabled: true };
  }
  if (!workspacesConfig.repository) {
    return {
      label,
      title:
        'This entity names no repository (coder.com/repo-url or backstage.io/source-location).',
      disabled: true,
    };
  }
  return {
    label,
    title: "This repository's workspaces in Coder",
    href: repositoryWorkspacesUrl(
      appConfig.deployment.accessUrl,
      workspacesConfig.repository,
    ),
  };
}
