import { createContext, useContext } from 'react';
import type { CoderWorkspacesResult } from '../../hooks/useCoderWorkspaces';
import type { CoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';

/** What the pieces of one workspaces card share. @public */
export interface WorkspacesCardState {
  /** The search text typed by the user (Coder's query language). */
  filter: string;
  setFilter: (filter: string) => void;
  workspacesConfig: CoderWorkspacesConfig;
  /** Undefined until there is a token, and for an entity without a repository. */
  result?: CoderWorkspacesResult;
  /** Id of the card's heading, for `aria-labelledby`. */
  headingId: string;
  /** Asks Coder for the next page of the list. */
  showMore: () => void;
  /** Rows that keep their place (menu open, action in flight). */
  heldRows?: ReadonlySet<string>;
  /** Marks a row as held, or lets it go. */
  holdRow?: (workspaceId: string, held: boolean) => void;
}

export const WorkspacesCardContext = createContext<
  WorkspacesCardState | undefined
>(undefined);

/** The enclosing card's state; for custom pieces inside `CoderWorkspacesCard.Root`. @public */
export function useWorkspacesCardState(): WorkspacesCardState {
  const state = useContext(WorkspacesCardContext);
  if (!state) {
    throw new Error(
      'This component must be inside <CoderWorkspacesCard.Root>.',
    );
  }
  return state;
}
