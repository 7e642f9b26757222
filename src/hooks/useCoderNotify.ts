import { useCallback } from 'react';
import { alertApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { appTreeApiRef, toastApiRef } from '@backstage/frontend-plugin-api';

/** A message for the user about something they did. */
export interface CoderNotice {
  message: string;
  severity: 'info' | 'success' | 'error';
  /** Hide by itself after a few seconds (errors stay until dismissed otherwise). */
  transient?: boolean;
  /**
   * What the notice is about, e.g. a workspace id: a newer notice with the same key
   * replaces the older one (toasts only; a classic app's alerts cannot be withdrawn).
   */
  key?: string;
  /** A link shown with the toast, e.g. to a failed build's logs. */
  link?: { label: string; href: string };
}

/** The open toast per key, so the next notice about the same thing replaces it. */
const openToasts = new Map<string, { close(): void }>();

const TRANSIENT_MS = 5_000;
const TOAST_STATUS = {
  info: 'info',
  success: 'success',
  error: 'danger',
} as const;

/**
 * Announces an action's outcome the way the app shows notices. The new frontend system
 * (the one with an app tree) shows toasts and deprecates AlertApi; a classic app only
 * forwards toasts to alerts, always transient, so an error would vanish there: it gets
 * an alert instead.
 */
export function useCoderNotify(): (notice: CoderNotice) => void {
  const apis = useApiHolder();
  const toastApi = apis.get(appTreeApiRef) ? apis.get(toastApiRef) : undefined;
  const alertApi = apis.get(alertApiRef);
  return useCallback(
    ({ message, severity, transient, key, link }: CoderNotice) => {
      if (toastApi) {
        if (key) openToasts.get(key)?.close();
        const posted = toastApi.post({
          title: message,
          status: TOAST_STATUS[severity],
          timeout: transient ? TRANSIENT_MS : undefined,
          links: link ? [link] : undefined,
        });
        // Older releases of the toast API return nothing to close.
        if (key && posted) openToasts.set(key, posted);
        return;
      }
      // Alerts carry text only: the link goes into the sentence.
      alertApi?.post({
        message: link ? `${message} ${link.label}: ${link.href}` : message,
        severity,
        display: transient ? 'transient' : 'permanent',
      });
    },
    [toastApi, alertApi],
  );
}
