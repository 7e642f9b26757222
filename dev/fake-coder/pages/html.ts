import { formatTimestamp, Micros } from '../clock';
import { escapeHtml } from '../oauth2/http';

/**
 * The building blocks of the fake's dashboard pages: a `markup` template tag
 * that escapes every interpolated value unless it is already markup, and the
 * page shell with the development-only banner. Everything a page shows comes
 * from the store, the URL or request headers, so it is all treated as hostile;
 * escaping by default means a forgotten call cannot open a hole.
 *
 * The tag is not called `html` on purpose: Prettier reformats templates with
 * that tag as HTML, which would reflow `<pre>` logs and attribute splices.
 */

/** html.EscapeString plus quotes; the one escaper the pages and oauth2 share. */
export { escapeHtml };

/** Markup that is already safe: built by {@link markup} or {@link trusted}. */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What `${…}` may hold inside {@link markup}: text is escaped, markup kept. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
}

/**
 * Template tag for markup. Interpolated strings and numbers are escaped for
 * both text and quoted attribute values; arrays are joined; `undefined`,
 * `null` and `false` render nothing, so `${cond && markup`…`}` works.
 */
export function markup(
  strings: TemplateStringsArray,
  ...values: HtmlValue[]
): SafeHtml {
  let text = strings[0];
  values.forEach((value, index) => {
    text += renderValue(value) + strings[index + 1];
  });
  return new SafeHtml(text);
}

/** Trusted constant markup (the stylesheet); never pass request data here. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** `/@owner/name`: a workspace's page, as the plugin builds the link. */
export function workspacePath(owner: string, name: string): string {
  return `/@${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

/** A `<time>` element showing the instant as Coder's API writes it. */
export function timeElement(value: Micros): SafeHtml {
  const text = formatTimestamp(value);
  return markup`<time datetime="${text}">${text}</time>`;
}

/** A page ready to send. */
export interface PageResult {
  status: number;
  html: string;
}

const STYLE = trusted(`
:root { color-scheme: light dark; --bg: #fafafa; --fg: #1c1f26; --muted: #5b6270; --card: #fff; --line: #d7dae0; --link: #1d4ed8; --error: #b3261e; --banner-bg: #fff4d6; --banner-fg: #5c4200; --code: #eef0f4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1116; --fg: #e6e8ee; --muted: #9aa1b0; --card: #171a21; --line: #2c313d; --link: #8ab4ff; --error: #ff8a80; --banner-bg: #3a2d00; --banner-fg: #ffe08a; --code: #232733; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
.banner { background: var(--banner-bg); color: var(--banner-fg); padding: 0.5rem 1rem; border-bottom: 1px solid var(--line); }
.banner p { margin: 0; }
.banner a { color: inherit; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.25rem 0 0; padding: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
code, pre, input { font-family: ui-monospace, monospace; background: var(--code); color: inherit; border-radius: 4px; }
code { padding: 0 0.25rem; }
pre { padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
input { width: 100%; padding: 0.5rem; border: 1px solid var(--line); font-size: 1rem; }
:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.muted { color: var(--muted); }
.error { color: var(--error); }
`);

/** The banner's view of the viewer: a name and whether a session said so. */
export interface BannerViewer {
  username: string;
  signedIn: boolean;
}

/** What a page puts in the shell. */
export interface PageInput {
  /** The `<title>`, before ` | Fake Coder`. */
  title: string;
  /** The `<h1>`; the title when absent. */
  heading?: string;
  /** Who the fake treats as "me" for this request (see viewer.ts). */
  viewer: BannerViewer;
  body: SafeHtml;
}

function viewerNote(viewer: BannerViewer): SafeHtml {
  return viewer.signedIn
    ? markup`Signed in as <strong>${viewer.username}</strong> (the session this browser sent).`
    : markup`No session in this request, so "me" is <strong>${viewer.username}</strong>.`;
}

/**
 * The shell every page shares: title, banner, navigation, one `<h1>`, the
 * stylesheet (light and dark via `prefers-color-scheme`) and no script.
 */
export function renderPage(input: PageInput): string {
  return markup`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} | Fake Coder</title>
<style>${STYLE}</style>
</head>
<body>
<header class="banner">
<p><strong>Fake Coder (development only)</strong>: an in-memory stand-in for Coder's dashboard. Real Coder requires sign-in for this page; the fake does not. ${viewerNote(input.viewer)}</p>
<nav aria-label="Fake Coder"><ul>
<li><a href="/">Home</a></li>
<li><a href="/workspaces">Workspaces</a></li>
<li><a href="/cli-auth">Session token</a></li>
</ul></nav>
</header>
<main>
<h1>${input.heading ?? input.title}</h1>
${input.body}
</main>
</body>
</html>
`.text;
}

/** A 404 page: what was asked for, and that it does not exist. */
export function notFoundPage(
  viewer: BannerViewer,
  title: string,
  message: SafeHtml | string,
): PageResult {
  return {
    status: 404,
    html: renderPage({
      title,
      viewer,
      body: markup`<p>${message}</p>
<p><a href="/">Back to the fake's home page</a></p>`,
    }),
  };
}
