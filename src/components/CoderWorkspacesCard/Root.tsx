import { useCallback, useId, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useCoderContext } from '../CoderProvider/CoderContext';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { useCoderWorkspaces } from '../../hooks/useCoderWorkspaces';
import { useCoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';
import { CODER_WORKSPACES_PAGE_SIZE } from '../../queries/workspacesQueries';
import { WorkspacesCardContext } from './WorkspacesCardContext';

const DEFAULT_TITLE = 'Coder workspaces';

/** The filter a card starts with: the user's own workspaces. @public */
export const CODER_DEFAULT_FILTER = 'owner:me';

/**
 * The page-URL parameter holding a card's search: `coder-search`, or, for a card with
 * its own title, `coder-search-<title>` so that two cards on a page keep their own.
 */
export function coderSearchParamName(title: string): string {
  if (title === DEFAULT_TITLE) return 'coder-search';
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug ? `coder-search-${slug}` : 'coder-search';
}

/** Props of {@link Root}. @public */
export interface WorkspacesCardRootProps {
  /** Scope the list to the current catalog entity's repository and settings. */
  readEntityData?: boolean;
  /** Controlled search text; pair with `onFilterChange`. */
  queryFilter?: string;
  /**
   * Uncontrolled initial search text. Default: `owner:me`. What the user types is kept
   * in the page URL (see `coderSearchParamName`), so a reload or Back keeps it and
   * another entity's page starts from this default again.
   */
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
  const title = props.title ?? DEFAULT_TITLE;
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
  // The search lives in the page URL rather than in state: the card stays mounted from
  // one entity page to the next, and a search typed on one must not follow the user.
  const [searchParams, setSearchParams] = useSearchParams();
  const paramName = coderSearchParamName(title);
  const initialFilter = defaultQueryFilter ?? CODER_DEFAULT_FILTER;
  const filter = queryFilter ?? searchParams.get(paramName) ?? initialFilter;
  const setFilter = (next: string) => {
    if (queryFilter === undefined) {
      setSearchParams(
        previous => {
          const params = new URLSearchParams(previous);
          if (next === initialFilter) params.delete(paramName);
          else params.set(paramName, next);
          return params;
        },
        // One history entry per page, not per search: Back leaves the page.
        { replace: true },
      );
    }
    onFilterChange?.(next);
  };
  const workspacesConfig = useCoderWorkspacesConfig({ readEntityData });
  const auth = useCoderAuth();
  const { repository } = workspacesConfig;
  const canList =
    auth.hasToken && (!workspacesConfig.readsEntityData || Boolean(repository));
  // A new search starts again from the first page, so typing never waits for a long list;
  // "Show more" adds the next page (one request for it alone).
  // Keyed by repository too: the card outlives a move to another entity's page.
  const listKey = `${repository?.repoUrl ?? ''}\n${filter}`;
  const [shown, setShown] = useState({
    listKey,
    limit: CODER_WORKSPACES_PAGE_SIZE,
  });
  const limit =
    shown.listKey === listKey ? shown.limit : CODER_WORKSPACES_PAGE_SIZE;
  const [heldRows, setHeldRows] = useState<ReadonlySet<string>>(new Set());
  const holdRow = useCallback((workspaceId: string, held: boolean) => {
    setHeldRows(previous => {
      if (previous.has(workspaceId) === held) return previous;
      const next = new Set(previous);
      if (held) next.add(workspaceId);
      else next.delete(workspaceId);
      return next;
    });
  }, []);
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
          setShown({ listKey, limit: limit + CODER_WORKSPACES_PAGE_SIZE }),
        heldRows,
        holdRow,
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
