import type { Deployment } from '../deployment';
import type { RequestContext, ApiContext } from '../router';
import { AGENT_API_VERSION, FAKE_VERSION } from '../serialize';

/** Deployment-wide endpoints: build info, regions, the app host. */

/** A static key: Coder sends one when web push is configured. */
const WEBPUSH_PUBLIC_KEY =
  'BFakeCoderWebPushPublicKeyForTheFakeServerOnlyNotARealVapidKey0123456789abcdefghijklmnopqrstu';

/**
 * appurl.SubdomainAppHost: the wildcard host for subdomain apps, with the
 * access URL's port. An IPv4 access URL gets a nip.io name so the wildcard
 * resolves without DNS setup.
 */
export function wildcardHostname(accessUrl: string): string {
  const url = new URL(accessUrl);
  const host = /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname)
    ? `apps.${url.hostname}.nip.io`
    : `apps.${url.hostname}`;
  return `*.${host}${url.port ? `:${url.port}` : ''}`;
}

export function buildInfo(deployment: Deployment) {
  return {
    external_url: 'https://github.com/coder/coder/commit/fake0000',
    version: FAKE_VERSION,
    dashboard_url: deployment.accessUrl,
    telemetry: false,
    workspace_proxy: false,
    agent_api_version: AGENT_API_VERSION,
    provisioner_api_version: '1.11',
    upgrade_message: '',
    deployment_id: deployment.store.deploymentId,
    webpush_public_key: WEBPUSH_PUBLIC_KEY,
  };
}

export function getBuildInfo(context: RequestContext): void {
  context.respond(200, buildInfo(context.deployment));
}

export function getRegions(context: ApiContext): void {
  const { deployment } = context;
  context.respond(200, {
    regions: [
      {
        id: deployment.store.deploymentId,
        name: 'primary',
        display_name: 'Default',
        icon_url: '/emojis/1f3e1.png',
        healthy: true,
        path_app_url: deployment.accessUrl,
        wildcard_hostname: wildcardHostname(deployment.accessUrl),
      },
    ],
  });
}

export function getApplicationsHost(context: ApiContext): void {
  context.respond(200, {
    host: wildcardHostname(context.deployment.accessUrl),
  });
}
