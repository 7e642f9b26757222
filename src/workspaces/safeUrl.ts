/*
 * The one check every href and image source built from Coder's answers goes through.
 * Coder's answers (region URLs, app URLs, icons) are data another party controls: an
 * admin's template, a workspace proxy's registration. A `javascript:` or `data:` value
 * that reached an href would run in Backstage's origin, where it could read the
 * linked Coder token, so only http(s) passes, plus the desktop schemes Coder itself
 * allows for external apps.
 */

// Coder's own list for external apps (site/src/modules/apps/apps.ts
// ALLOWED_EXTERNAL_APP_PROTOCOLS, CONTRACT §6).
const DESKTOP_SCHEMES: ReadonlySet<string> = new Set([
  'vscode:',
  'vscode-insiders:',
  'windsurf:',
  'devin:',
  'cursor:',
  'jetbrains-gateway:',
  'jetbrains:',
  'kiro:',
  'positron:',
  'antigravity:',
]);

/** Options of {@link safeUrl}. @public */
export interface SafeUrlOptions {
  /**
   * Resolves a relative `value` against this address (as a browser resolves an href).
   * The base must itself be a safe http(s) URL, or nothing built on it is.
   */
  base?: string;
  /**
   * Also accepts the desktop schemes Coder allows for external apps (`vscode:`,
   * `jetbrains-gateway:`, `cursor:` …). Off by default: only external app URLs
   * may open a desktop application.
   */
  allowDesktopSchemes?: boolean;
}

/**
 * `value` as a normalised absolute http(s) URL, or (with `allowDesktopSchemes`) a
 * desktop-application URL; `undefined` for anything else: empty, unparsable, relative
 * without a base, built on an unsafe base, or another scheme (`javascript:`, `data:`,
 * `file:`, `vbscript:` …). Render a link or an image only when this returns a value.
 *
 * @public
 */
export function safeUrl(
  value: string | undefined,
  options: SafeUrlOptions = {},
): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let base: string | undefined;
  if (options.base !== undefined) {
    base = safeUrl(options.base);
    if (!base) return undefined;
  }
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  if (options.allowDesktopSchemes && DESKTOP_SCHEMES.has(url.protocol)) {
    return url.href;
  }
  return undefined;
}

/**
 * A safe http(s) base as a prefix for paths: `safeUrl(base)` without its trailing
 * slash, or `undefined` when the base is unsafe. Links add `/@owner/...` to it.
 */
export function safeUrlPrefix(base: string | undefined): string | undefined {
  const url = safeUrl(base);
  if (!url) return undefined;
  // A query or fragment (even an empty one) on a base would swallow the path appended
  // after it; in a normalised URL these characters appear only as delimiters.
  if (/[?#]/.test(url)) return undefined;
  return url.replace(/\/+$/, '');
}
