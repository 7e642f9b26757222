import { lazy, Suspense, useCallback, useId, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import type { PopoverActions } from '@material-ui/core/Popover';
import ArrowDropDownIcon from '@material-ui/icons/ArrowDropDown';
import type { CoderWorkspace } from '../../api/types';

// Link building loads with the first menu opened, not with the page.
const MenuItems = lazy(() =>
  import('./OpenWorkspaceMenuItems').then(module => ({
    default: module.OpenWorkspaceMenuItems,
  })),
);

/** Props of {@link OpenWorkspaceMenu}. @public */
export interface OpenWorkspaceMenuProps {
  workspace: CoderWorkspace;
}

/**
 * "Open" for a running workspace: the dashboard, VS Code Desktop, the web terminal and
 * the agents' apps.
 *
 * @public
 */
export function OpenWorkspaceMenu(props: OpenWorkspaceMenuProps) {
  const { workspace } = props;
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement>();
  const close = () => setAnchor(undefined);
  // The entries load after the menu opened; place it again once they are in.
  const menuActions = useRef<PopoverActions>(null);
  const reposition = useCallback(
    () => menuActions.current?.updatePosition(),
    [],
  );
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        aria-controls={menuId}
        aria-haspopup="true"
        aria-label={`Open ${workspace.name}`}
        endIcon={<ArrowDropDownIcon />}
        onClick={event => setAnchor(event.currentTarget)}
      >
        Open
      </Button>
      {/* Mounted only while open: a list of closed menus is costly to render. */}
      {anchor && (
        <Menu
          id={menuId}
          anchorEl={anchor}
          open
          onClose={close}
          action={menuActions}
          // Below the button, and never taller than the window: it scrolls instead.
          getContentAnchorEl={null}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
          transformOrigin={{ vertical: 'top', horizontal: 'right' }}
          PaperProps={{ style: { maxHeight: 'calc(100vh - 32px)' } }}
        >
          <Suspense fallback={<MenuItem disabled>Loading…</MenuItem>}>
            <MenuItems
              workspace={workspace}
              onDone={close}
              onLoaded={reposition}
            />
          </Suspense>
        </Menu>
      )}
    </>
  );
}
