import type { RootConfigService } from '@backstage/backend-plugin-api';

/** Where the action finds Coder. */
export interface CoderUrls {
  /** Coder's public URL, for the links the action outputs. */
  accessUrl: string;
  /** Where the backend sends API calls; the access URL unless configured apart. */
  apiUrl: string;
}

const ACCESS_URL_KEY = 'coder.deployment.accessUrl';
const API_URL_KEY = 'coder.scaffolder.apiUrl';

/**
 * Reads the Coder URLs when the action runs, not at startup, so a backend without
 * them still starts and the template that needs them fails with a message naming the
 * missing key.
 */
export function readCoderUrls(config: RootConfigService): CoderUrls {
  const accessUrl = config.getOptionalString(ACCESS_URL_KEY);
  if (!accessUrl) {
    throw new Error(
      `The Coder scaffolder action needs "${ACCESS_URL_KEY}" in the Backstage app-config: the URL of your Coder deployment (the key the Coder frontend plugin reads).`,
    );
  }
  const apiUrl = config.getOptionalString(API_URL_KEY);
  return {
    accessUrl: httpUrl(accessUrl, ACCESS_URL_KEY),
    apiUrl: apiUrl
      ? httpUrl(apiUrl, API_URL_KEY)
      : httpUrl(accessUrl, ACCESS_URL_KEY),
  };
}

function httpUrl(value: string, key: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `"${key}" in the Backstage app-config is not a URL: ${value}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(
      `"${key}" in the Backstage app-config must be an http(s) URL: ${value}`,
    );
  return value.replace(/\/+$/, '');
}
