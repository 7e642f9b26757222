import type { ApiContext } from '../router';

/**
 * GET /api/v2/experiments and /experiments/available (coderd/experiments.go).
 * The fake knows one experiment, `oauth2`, and reports it while it is on.
 */

export function getExperiments(context: ApiContext): void {
  context.respond(
    200,
    context.deployment.oauth2.settings.experiment ? ['oauth2'] : [],
  );
}

/**
 * codersdk.AvailableExperiments: an object `{safe}` on the wire although
 * swagger declares an array. No experiment is marked safe.
 */
export function getAvailableExperiments(context: ApiContext): void {
  context.respond(200, { safe: [] });
}
