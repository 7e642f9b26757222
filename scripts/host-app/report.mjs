/* eslint-disable no-console */
/*
 * What the run prints: each step with its time as it finishes, the tests' outcomes, and
 * the closing `host-app: N passed, M failed` line.
 */

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

export function createReport() {
  const tests = [];
  const timings = [];
  let section = '';

  return {
    section(title) {
      section = title;
      console.log(`\n── ${title} ──`);
    },

    /** Runs `fn`, prints its outcome and time; rethrows its error. */
    async step(name, fn) {
      const started = Date.now();
      try {
        const result = await fn();
        const took = Date.now() - started;
        timings.push({ section, name, took });
        console.log(`  ✓ ${name} (${seconds(took)})`);
        return result;
      } catch (error) {
        const took = Date.now() - started;
        timings.push({ section, name, took, failed: true });
        console.log(`  ✗ ${name} (${seconds(took)})`);
        throw error;
      }
    },

    note(text) {
      for (const line of text.split('\n')) console.log(`    ${line}`);
    },

    test(name, error) {
      tests.push({ name, error });
      if (error) {
        console.log(`  FAILED: ${name}`);
        // Our own failures say what happened; a stack only helps with a bug in the harness.
        const text =
          error.constructor === Error ? error.message : error.stack || error;
        for (const line of String(text).split('\n')) console.log(`    ${line}`);
      } else {
        console.log(`  passed: ${name}`);
      }
    },

    /** Prints the summary; returns the number of failed tests. */
    finish() {
      console.log('\n── summary ──');
      for (const { section: title, name, took, failed } of timings) {
        console.log(
          `  ${seconds(took).padStart(8)}  ${title}: ${name}${failed ? ' (failed)' : ''}`,
        );
      }
      console.log('');
      for (const { name, error } of tests) {
        console.log(`  ${error ? 'FAILED' : 'passed'}  ${name}`);
      }
      const failed = tests.filter(test => test.error).length;
      console.log(
        `host-app: ${tests.length - failed} passed, ${failed} failed`,
      );
      return failed;
    },
  };
}
