import { useEffect } from 'react';
import { useTemplateSecrets } from '@backstage/plugin-scaffolder-react';

/**
 * Keeps the task secret `key` equal to the session token: set while linked, replaced
 * when an OAuth session refreshes it, blanked on unlinking (the scaffolder's secrets
 * can only be merged into, not deleted from). The token reaches nothing else: not the
 * field's value, the page or a log. It stays after the field unmounts, since the
 * review step that sends the task renders without it.
 */
export function useSessionTokenSecret(
  key: string,
  token: string | undefined,
  share: boolean = true,
): void {
  const { setSecrets } = useTemplateSecrets();
  useEffect(() => {
    // A template that does not ask for the session never gets it (`shareSession: false`).
    if (share) setSecrets({ [key]: token ?? '' });
  }, [key, token, share, setSecrets]);
}
