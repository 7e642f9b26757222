import { useEffect, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useWorkspacesCardState } from './WorkspacesCardContext';

/** A manual refresh is allowed this often, so impatient clicks don't load Coder. */
export const CODER_REFRESH_THROTTLE_MS = 3_000;

/** Refreshes the list now (throttled). @public */
export function RefreshButton() {
  const { result } = useWorkspacesCardState();
  const [cooling, setCooling] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  if (!result) return null;
  const refresh = () => {
    setCooling(true);
    result.refetch();
    timer.current = setTimeout(
      () => setCooling(false),
      CODER_REFRESH_THROTTLE_MS,
    );
  };
  return (
    <Tooltip title="Refresh workspaces">
      <span>
        <IconButton
          onClick={refresh}
          disabled={cooling || result.isFetching}
          aria-label="Refresh workspaces"
        >
          <RefreshIcon />
        </IconButton>
      </span>
    </Tooltip>
  );
}
