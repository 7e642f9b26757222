import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { CoderAuthForm } from './CoderAuthForm';

/** Props of {@link CoderAuthDialog}. @public */
export interface CoderAuthDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called once the account is linked. Default: `onClose`. */
  onLinked?: () => void;
}

/** The link form in a dialog, for places without room for a card. @public */
export function CoderAuthDialog(props: CoderAuthDialogProps) {
  const { open, onClose, onLinked = onClose } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="coder-auth-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="coder-auth-dialog-title">
        Link your Coder account
      </DialogTitle>
      <DialogContent>
        {open && <CoderAuthForm onLinked={onLinked} />}
      </DialogContent>
    </Dialog>
  );
}
