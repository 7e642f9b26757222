import { useId, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import MoreVertIcon from '@material-ui/icons/MoreVert';
import { useCoderAuth } from '../../hooks/useCoderAuth';

/** A menu of less frequent actions: unlinking the Coder account. @public */
export function ExtraActionsButton() {
  const auth = useCoderAuth();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement>();
  if (!auth.hasToken) return null;
  return (
    <>
      <IconButton
        aria-label="More Coder actions"
        aria-controls={menuId}
        aria-haspopup="true"
        onClick={event => setAnchor(event.currentTarget)}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(undefined)}
      >
        <MenuItem
          onClick={() => {
            setAnchor(undefined);
            auth.unlink();
          }}
        >
          Unlink Coder account{auth.user ? ` (${auth.user.username})` : ''}
        </MenuItem>
      </Menu>
    </>
  );
}
