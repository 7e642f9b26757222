import type { IncomingMessage } from 'node:http';
import { markup, SafeHtml } from './html';

/**
 * The "Back to Backstage" link: the page the browser came from, when it said
 * so in `Referer` and that is an http(s) URL on another host. Anything else
 * (no header, `javascript:`, garbage) gives no link: a header is
 * attacker-chosen.
 */
export function backToBackstage(
  request: IncomingMessage,
): SafeHtml | undefined {
  const header = request.headers.referer;
  const referer = Array.isArray(header) ? header[0] : header;
  if (!referer) return undefined;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Coming from another fake page is not coming from Backstage.
  if (url.host === request.headers.host) return undefined;
  return markup`<p><a href="${url.href}">Back to Backstage</a></p>`;
}
