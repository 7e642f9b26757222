import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';

/** Props of {@link DeleteWorkspaceDialog}. @public */
export interface DeleteWorkspaceDialogProps {
  open: boolean;
  workspaceName: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before deleting, naming the workspace on the button itself. @public */
export function DeleteWorkspaceDialog(props: DeleteWorkspaceDialogProps) {
  const { open, workspaceName, onConfirm, onClose } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="coder-delete-title"
      aria-describedby="coder-delete-text"
    >
      <DialogTitle id="coder-delete-title">Delete {workspaceName}?</DialogTitle>
      <DialogContent>
        <DialogContentText id="coder-delete-text">
          Coder deletes the workspace and its resources. Files that are not in a
          persistent volume or pushed to a repository are lost. This cannot be
          undone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep it</Button>
        <Button
          onClick={() => {
            onClose();
            onConfirm();
          }}
          color="secondary"
          variant="contained"
        >
          Delete {workspaceName}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
