/**
 * Step-by-step report: one line per step with ✓ or ✗, what was checked and
 * how long it took, so an admin can see exactly where a setup stopped. In
 * `--json` mode the steps are collected instead and printed as one object.
 */
import { SetupError } from './errors.mjs';

/** `4 ms`, `120 ms`, `1.3 s`. */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * @typedef {object} StepRecord
 * @property {string} title
 * @property {'passed'|'failed'|'skipped'} status
 * @property {string} detail
 * @property {number} ms
 * @property {string[]} [hints]
 * @property {string} [code]
 */

export class Reporter {
  /**
   * @param {{ write(line: string): void, json: boolean, total?: number }} options
   *   `write` prints one line (already redacted by the caller's sink);
   *   `total` numbers the steps `[n/total]` when known up front.
   */
  constructor({ write, json, total }) {
    this.write = write;
    this.json = json;
    this.total = total;
    /** @type {StepRecord[]} */
    this.steps = [];
    /** @type {string[]} */
    this.warnings = [];
  }

  label(title) {
    if (!this.total) return title;
    return `[${this.steps.length + 1}/${this.total}] ${title}`;
  }

  /**
   * Runs one step. `run` returns the detail line for the ✓; a thrown
   * SetupError becomes the ✗ line (with its hints) and is rethrown so the
   * caller stops. Any other error is a bug in this command; it is reported
   * the same way (message only) rather than as a stack trace.
   * @template T
   * @param {string} title
   * @param {() => Promise<{ detail: string, value?: T }>} run
   * @returns {Promise<T|undefined>}
   */
  async step(title, run) {
    const label = this.label(title);
    const started = performance.now();
    try {
      const { detail, value } = await run();
      const ms = performance.now() - started;
      this.steps.push({ title, status: 'passed', detail, ms: Math.round(ms) });
      if (!this.json) {
        this.write(`✓ ${label}: ${detail} (${formatDuration(ms)})`);
      }
      return value;
    } catch (caught) {
      const ms = performance.now() - started;
      const error =
        caught instanceof SetupError
          ? caught
          : new SetupError(`Unexpected error: ${caught?.message ?? caught}`, {
              code: 'internal',
            });
      this.steps.push({
        title,
        status: 'failed',
        detail: error.message,
        ms: Math.round(ms),
        hints: error.hints,
        code: error.code,
      });
      if (!this.json) {
        this.write(`✗ ${label}: ${error.message} (${formatDuration(ms)})`);
        for (const hint of error.hints) this.write(`    ${hint}`);
      }
      error.reported = true;
      throw error;
    }
  }

  /** Marks the steps that never ran after a failure, so the report is complete. */
  skip(titles) {
    for (const title of titles) {
      const label = this.label(title);
      this.steps.push({ title, status: 'skipped', detail: 'not run', ms: 0 });
      if (!this.json) this.write(`- ${label}: skipped`);
    }
  }

  /** Something worth knowing that does not stop the setup. */
  warn(text) {
    this.warnings.push(text);
    if (!this.json) this.write(`! ${text}`);
  }
}
