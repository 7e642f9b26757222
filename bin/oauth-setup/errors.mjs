/**
 * The two kinds of failure the command reports. Both carry text meant for the
 * admin, so the entry point prints `message` and `hints` as they are; nothing
 * else (stack traces, response bodies) reaches the terminal.
 */

/** Something about Coder or the registration failed: exit code 1. */
export class SetupError extends Error {
  /**
   * @param {string} message one line saying what went wrong
   * @param {{ hints?: string[], code?: string }} [options] what to do about it,
   *   and a stable identifier for `--json` consumers
   */
  constructor(message, options = {}) {
    super(message);
    this.name = 'SetupError';
    this.hints = options.hints ?? [];
    this.code = options.code ?? 'setup_failed';
  }
}

/** The command line itself is wrong: exit code 2, like most CLIs. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
    this.code = 'usage';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
