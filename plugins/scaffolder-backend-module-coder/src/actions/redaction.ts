import type { LoggerService } from '@backstage/backend-plugin-api';

/**
 * The token must never reach a log line, an error or an output. The action never puts
 * it in one; this is the second line of defence, should Coder or a network library ever
 * echo a header back.
 */
const REDACTED = '[redacted]';

function redact(text: string, token: string): string {
  return text.split(token).join(REDACTED);
}

/** `error` with the token removed from its message and stack. */
export function redactToken(error: unknown, token: string): unknown {
  // Duck-typed: an error from fetch may come from another realm.
  const candidate = error as { message?: unknown; stack?: unknown } | null;
  if (typeof candidate?.message === 'string') {
    candidate.message = redact(candidate.message, token);
    if (typeof candidate.stack === 'string')
      candidate.stack = redact(candidate.stack, token);
    return error;
  }
  return typeof error === 'string' ? redact(error, token) : error;
}

/** A logger that removes the token from every message. */
export function redactingLogger(
  logger: LoggerService,
  token: string,
): LoggerService {
  return {
    error: message => logger.error(redact(message, token)),
    warn: message => logger.warn(redact(message, token)),
    info: message => logger.info(redact(message, token)),
    debug: message => logger.debug(redact(message, token)),
    child: meta => redactingLogger(logger.child(meta), token),
  };
}
