/**
 * `oauth-setup`: registers Backstage as an OAuth2 client of Coder and prints
 * the config for it, or with `--check` proves the whole round trip works.
 * Progress goes to stderr and the result to stdout, so
 * `oauth-setup … > coder-oauth.txt` captures just the result.
 */
import { parseSettings } from './args.mjs';
import { CHECK_STEPS, runCheck } from './check.mjs';
import { createCoder } from './coder.mjs';
import { checkAdmin, checkBuildInfo, experimentListed } from './deployment.mjs';
import { describeMetadata, discover } from './discovery.mjs';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  SetupError,
  UsageError,
} from './errors.mjs';
import { oauthSetupHelp } from './help.mjs';
import { basicCredentials, setupJson, setupText } from './output.mjs';
import { Redactor } from './redact.mjs';
import { register } from './registration.mjs';
import { Reporter } from './report.mjs';

/** Values of secret flags in argv, so even a usage error cannot echo them. */
function secretFlagValues(argv) {
  const secret = new Set(['--token', '--client-secret']);
  const values = [];
  argv.forEach((arg, index) => {
    const [name, inline] = arg.split(/=(.*)/s);
    if (!secret.has(name)) return;
    const value = inline ?? argv[index + 1];
    if (value !== undefined) values.push(value);
  });
  return values;
}

/**
 * @param {import('./coder.mjs').Coder} coder
 * @param {Reporter} report
 * @param {import('./args.mjs').Settings} settings
 */
async function runSetup(coder, report, settings) {
  await report.step('Coder reachable', () => checkBuildInfo(coder));
  await report.step('Admin token', () => checkAdmin(coder));
  const probed = await report.step('oauth2 experiment', async () => {
    if ((await experimentListed(coder)) === true) {
      return { detail: 'enabled (listed in /api/v2/experiments)' };
    }
    // Not listed, or the list is unavailable: a gated route decides. A 403
    // from the metadata route is the definitive "off", with Coder's own
    // message (discover() throws it); an answer means the gate is open, as
    // on a dev build, which bypasses it (CONTRACT §7).
    const found = await discover(coder);
    report.warn(
      '"oauth2" is not listed in /api/v2/experiments but the OAuth2 routes answer (dev builds bypass the gate); a production server needs CODER_EXPERIMENTS=oauth2.',
    );
    return { detail: 'OAuth2 routes answer', value: found };
  });
  const metadata = await report.step(
    'Authorization server metadata',
    async () => {
      const found = probed ?? (await discover(coder));
      const described = describeMetadata(found, coder.url);
      described.warnings.forEach(warning => report.warn(warning));
      return { detail: described.detail, value: found };
    },
  );
  const registration = await report.step('Client registration', async () => {
    const result = await register(coder, metadata, settings);
    return { detail: result.detail, value: result };
  });
  registration.notes.forEach(note => report.warn(note));
  return registration;
}

/**
 * @param {string[]} argv arguments after `oauth-setup`
 * @param {{ env: Record<string, string|undefined>,
 *   stdout: { write(text: string): unknown },
 *   stderr: { write(text: string): unknown } }} io
 * @returns {Promise<number>} the exit code
 */
export async function oauthSetup(argv, io) {
  const redactor = new Redactor();
  redactor.add(io.env.CODER_SESSION_TOKEN);
  redactor.add(io.env.CODER_OAUTH_CLIENT_CREDENTIALS);
  secretFlagValues(argv).forEach(value => redactor.add(value));
  const out = text => io.stdout.write(`${redactor.redact(text)}\n`);
  const err = text => io.stderr.write(`${redactor.redact(text)}\n`);

  let settings;
  try {
    settings = parseSettings(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`oauth-setup: ${error.message}`);
    err('Run with --help for usage.');
    return EXIT_USAGE;
  }
  if (settings.mode === 'help') {
    out(oauthSetupHelp());
    return EXIT_OK;
  }
  redactor.add(settings.adminToken);
  if (settings.clientSecret) {
    redactor.addClientCredentials(
      settings.clientSecret,
      basicCredentials(settings.clientId, settings.clientSecret),
    );
  }

  const coder = createCoder(settings);
  // The check report is the result, so it goes to stdout; setup progress is
  // commentary around the snippet, so it goes to stderr.
  const report = new Reporter({
    write: settings.mode === 'check' ? out : err,
    json: settings.json,
    total: settings.mode === 'check' ? CHECK_STEPS.length : undefined,
  });
  if (settings.tokenFromFlag && !settings.json) {
    report.warn(
      '--token is visible in shell history and `ps`; prefer exporting CODER_SESSION_TOKEN.',
    );
  }

  try {
    if (settings.mode === 'check') {
      if (!settings.json)
        out(
          `Checking the OAuth2 round trip against ${settings.url} as client ${settings.clientId}`,
        );
      await runCheck(coder, report, settings);
      if (settings.json) {
        out(
          JSON.stringify(
            { ok: true, steps: report.steps, warnings: report.warnings },
            null,
            2,
          ),
        );
      } else {
        out(
          `All ${CHECK_STEPS.length} steps passed: Backstage can sign users in to Coder with this client.`,
        );
      }
      return EXIT_OK;
    }

    const registration = await runSetup(coder, report, settings);
    const credentials = basicCredentials(
      registration.clientId,
      registration.clientSecret,
    );
    const result = {
      url: settings.url,
      redirectUri: settings.redirectUri,
      registration,
      credentials,
    };
    // The one place secrets are printed: the admin asked for them. Written
    // directly, past the redactor, which would otherwise blank them.
    io.stdout.write(
      settings.json
        ? `${JSON.stringify(setupJson({ ...result, steps: report.steps, warnings: report.warnings }), null, 2)}\n`
        : `${setupText(result)}\n`,
    );
    return EXIT_OK;
  } catch (caught) {
    // Failures outside a step (none today) get the same treatment: message
    // only, redacted, no stack trace.
    const error =
      caught instanceof SetupError
        ? caught
        : new SetupError(`Unexpected error: ${caught?.message ?? caught}`, {
            code: 'internal',
          });
    if (settings.json) {
      out(
        JSON.stringify(
          {
            ok: false,
            error: {
              code: error.code,
              message: error.message,
              hints: error.hints,
            },
            steps: report.steps,
            warnings: report.warnings,
          },
          null,
          2,
        ),
      );
    } else if (!error.reported) {
      err(`✗ ${error.message}`);
      error.hints.forEach(hint => err(`    ${hint}`));
    }
    return EXIT_FAILED;
  }
}
