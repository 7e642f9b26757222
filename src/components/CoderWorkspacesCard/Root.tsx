import { useId, useState, type ReactNode } from 'react';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useCoderContext } from '../CoderProvider/CoderContext';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { useCoderWorkspaces } from '../../hooks/useCoderWorkspaces';
import { useCoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';
import { CODER_WORKSPACES_PAGE_SIZE } from '../../queries/workspacesQueries';
import { WorkspacesCardContext } from './WorkspacesCardContext';

/** The filter a card starts with: the user's own workspaces. @public */
export const CODER_DEFAULT_FILTER = 'owner:me';

/** Props of {@link Root}. @public */
export interface WorkspacesCardRootProps {
  /** Scope the list to the current catalog entity's repository and settings. */
  readEntityData?: boolean;
  /** Controlled search text; pair with `onFilterChange`. */
  queryFilter?: string;
  /** Uncontrolled initial search text. Default: `owner:me`. */
  defaultQueryFilter?: string;
  onFilterChange?: (filter: string) => void;
  /** Card heading. */
  title?: string;
  /** Rendered in the card's header, e.g. `HeaderActions`. */
  headerActions?: ReactNode;
  children?: ReactNode;
}

/**
 * The card's frame and shared state (filter, settings, results). Compose it with the
 * other `CoderWorkspacesCard.*` pieces, or use `CoderWorkspacesCard` for the default.
 *
 * @public
 */
export function Root(props: WorkspacesCardRootProps) {
  const { configError } = useCoderContext();
  const title = props.title ?? 'Coder workspaces';
  if (configError) {
    return (
      <InfoCard title={title}>
        <WarningPanel
          severity="error"
          title="Coder is not configured"
          message={configError.message}
        />
      </InfoCard>
    );
  }
  return <ConfiguredRoot {...props} title={title} />;
}

function ConfiguredRoot(props: WorkspacesCardRootProps & { title: string }) {
  const {
    readEntityData,
    queryFilter,
    defaultQueryFilter,
    onFilterChange,
    title,
    headerActions,
    children,
  } = props;
  const headingId = useId();
  const [ownFilter, setOwnFilter] = useState(
    defaultQueryFilter ?? CODER_DEFAULT_FILTER,
  );
  const filter = queryFilter ?? ownFilter;
  const setFilter = (next: string) => {
    if (queryFilter === undefined) setOwnFilter(next);
    onFilterChange?.(next);
  };
  const workspacesConfig = useCoderWorkspacesConfig({ readEntityData });
  const auth = useCoderAuth();
  const { repository } = workspacesConfig;
  const canList =
    auth.hasToken && (!workspacesConfig.readsEntityData || Boolean(repository));
  // A new search starts again from the first page, so typing never waits for a long list;
  // "Show more" adds the next page (one request for it alone).
  const [shown, setShown] = useState({
    filter,
    limit: CODER_WORKSPACES_PAGE_SIZE,
  });
  const limit =
    shown.filter === filter ? shown.limit : CODER_WORKSPACES_PAGE_SIZE;
  const result = useCoderWorkspaces({
    filter,
    repository,
    enabled: canList,
    limit,
    pageSize: CODER_WORKSPACES_PAGE_SIZE,
  });

  return (
    <WorkspacesCardContext.Provider
      value={{
        filter,
        setFilter,
        workspacesConfig,
        result: canList ? result : undefined,
        headingId,
        showMore: () =>
          setShown({ filter, limit: limit + CODER_WORKSPACES_PAGE_SIZE }),
      }}
    >
      <InfoCard
        title={title}
        titleTypographyProps={{ component: 'h2', id: headingId }}
        action={headerActions}
      >
        <section aria-labelledby={headingId}>{children}</section>
      </InfoCard>
    </WorkspacesCardContext.Provider>
  );
}
