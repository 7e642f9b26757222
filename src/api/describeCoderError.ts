import { CoderParseError, isCoderResponseError } from './errors';

/** What kind of failure an error is, from the user's point of view. @public */
export type CoderErrorKind =
  | 'offline'
  | 'unreachable'
  | 'server-error'
  | 'proxy-refused'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'bad-request'
  | 'conflict'
  | 'not-found'
  | 'gone'
  | 'invalid-response'
  | 'unknown';

/** A failure described for people: a short title and a sentence they can act on. @public */
export interface CoderErrorDescription {
  kind: CoderErrorKind;
  title: string;
  message: string;
  status?: number;
}

/** Coder's detail often repeats its message (wsbuilder's 409 does); say it once. */
function coderText(message: string, detail: string | undefined): string {
  const parts = [message];
  if (detail && detail.trim() !== message.trim()) parts.push(detail);
  return parts.filter(Boolean).join(' ');
}

/** Coder's answer to a build on a workspace someone deleted meanwhile (coderd/workspacebuilds.go). */
const DELETED_WORKSPACE = /^Cannot \w+ a deleted workspace!/;

/**
 * Classifies any error thrown by the Coder client. Network failures and the proxy's
 * gateway errors are "unreachable" (with the status), while a 5xx Coder wrote itself is
 * Coder's own error: it answered. A 401 from Coder is a bad token, while a 401 from the
 * Backstage proxy is a Backstage sign-in problem.
 *
 * @public
 */
export function describeCoderError(error: unknown): CoderErrorDescription {
  if (error instanceof CoderParseError) {
    return {
      kind: 'invalid-response',
      title: 'Unexpected answer from Coder',
      message: error.message,
    };
  }
  if (isCoderResponseError(error)) {
    const { status, message, detail, fromCoder, retryAfterSeconds } =
      error.coder;
    const text = coderText(message, detail);
    if (status === 401 && fromCoder) {
      return {
        kind: 'unauthorized',
        status,
        title: 'Coder rejected the token',
        message: text,
      };
    }
    if ((status === 401 || status === 403) && !fromCoder) {
      return {
        kind: 'proxy-refused',
        status,
        // Not Coder's own answer (its 401s are recognised by their text or challenge):
        // the Backstage proxy, or a gateway in front of Coder.
        title: 'Something between Backstage and Coder refused the request',
        message: `${text} (HTTP ${status}). Check that you are signed in to Backstage, that the Coder proxy endpoint is configured, and any gateway in front of Coder.`,
      };
    }
    if (status === 429) {
      const wait =
        retryAfterSeconds === undefined
          ? ''
          : ` Retrying in ${retryAfterSeconds} s.`;
      return {
        kind: 'rate-limited',
        status,
        title: 'Coder is rate limiting requests',
        message: `${text}${wait}`,
      };
    }
    if (status >= 500 && fromCoder) {
      return {
        kind: 'server-error',
        status,
        title: `Coder reported an error (HTTP ${status})`,
        message: text,
      };
    }
    if (status >= 500 || (!fromCoder && status === 404)) {
      return {
        kind: 'unreachable',
        status,
        title: `Coder is unreachable (HTTP ${status})`,
        message: `${text}. The Backstage proxy could not get an answer from Coder.`,
      };
    }
    if (status === 410 || (status === 409 && DELETED_WORKSPACE.test(message))) {
      // 410's own text names the workspace id and an API query flag: not for people.
      return {
        kind: 'gone',
        status,
        title: 'Deleted in Coder',
        message:
          status === 410
            ? 'This workspace has been deleted in Coder.'
            : `${message} This workspace has been deleted in Coder.`,
      };
    }
    if (status === 403)
      return {
        kind: 'forbidden',
        status,
        title: 'Not allowed by Coder',
        message: text,
      };
    if (status === 404)
      return {
        kind: 'not-found',
        status,
        title: 'Not found in Coder',
        message: text,
      };
    if (status === 409)
      return {
        kind: 'conflict',
        status,
        title: 'Coder reported a conflict',
        message: text,
      };
    if (status === 400)
      return {
        kind: 'bad-request',
        status,
        title: 'Coder rejected the request',
        message: text,
      };
    return {
      kind: 'unknown',
      status,
      title: `Coder answered HTTP ${status}`,
      message: text,
    };
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return {
      kind: 'offline',
      title: 'You are offline',
      message: 'Reconnect to the network; the list refreshes by itself.',
    };
  }
  if (error instanceof TypeError) {
    return {
      kind: 'unreachable',
      title: 'Coder is unreachable',
      message: `The request did not complete (${error.message}). Backstage or Coder may be down.`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', title: 'Something went wrong', message };
}

/** Thrown when linking an account fails; carries the description for the form. @public */
export class CoderLinkError extends Error {
  constructor(readonly description: CoderErrorDescription) {
    super(`${description.title}: ${description.message}`);
    this.name = 'CoderLinkError';
  }
}
