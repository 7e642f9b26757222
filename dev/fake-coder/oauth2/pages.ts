import { escapeHtml } from './http';

/**
 * The HTML the fake serves where Coder serves its dashboard: the consent
 * page, the static error page and a login page. Plain markup with real
 * labels and buttons, so browser tests can drive them by accessible name.
 */

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; background: #0b0d12; color: #e6e8ee; display: grid; place-items: center; min-height: 100vh; margin: 0; }
main { background: #151922; border: 1px solid #2a3040; border-radius: 8px; padding: 2rem; width: min(26rem, 90vw); }
h1 { font-size: 1.25rem; margin-top: 0; }
label { display: block; margin: 0.75rem 0 0.25rem; }
input { width: 100%; box-sizing: border-box; padding: 0.5rem; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
button, a[role="button"] { padding: 0.5rem 1rem; border-radius: 4px; border: 1px solid #3b4458; background: #222838; color: inherit; text-decoration: none; cursor: pointer; font: inherit; }
button[type="submit"] { background: #3b5bdb; border-color: #3b5bdb; }
[role="alert"] { color: #ff8787; min-height: 1.5em; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** site.RenderOAuthAllowPage: app, user, Allow (form POST) and Cancel (link). */
export function consentPage(input: {
  appName: string;
  appIcon: string;
  username: string;
  actionUrl: string;
  cancelUrl: string;
  csrfToken: string;
}): string {
  const icon = input.appIcon
    ? `<img src="${escapeHtml(input.appIcon)}" alt="" width="48" height="48">`
    : '';
  return layout(
    'Application access | Coder',
    `${icon}
<h1>Authorize ${escapeHtml(input.appName)}</h1>
<p>Allow <strong>${escapeHtml(input.appName)}</strong> full access to your account?</p>
<p>Signed in as <strong>${escapeHtml(input.username)}</strong></p>
<form method="POST" action="${escapeHtml(input.actionUrl)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(input.csrfToken)}">
<div class="actions">
<button type="submit">Allow</button>
<a role="button" href="${escapeHtml(input.cancelUrl)}">Cancel</a>
</div>
</form>`,
  );
}

/** site.RenderStaticErrorPage. */
export function errorPage(input: {
  title: string;
  description: string;
  warnings: string[];
  dashboardUrl: string;
}): string {
  const warnings = input.warnings
    .map(warning => `<li>${escapeHtml(warning)}</li>`)
    .join('\n');
  return layout(
    `${input.title} | Coder`,
    `<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(input.description)}</p>
${warnings ? `<ul>\n${warnings}\n</ul>` : ''}
<p><a href="${escapeHtml(input.dashboardUrl)}">Back to site</a></p>`,
  );
}

/**
 * The dashboard's sign-in form, reduced: it posts JSON to
 * POST /api/v2/users/login (which sets the session cookie) and then follows
 * `redirect`, but only to a same-origin path so it cannot be an open redirect.
 */
export function loginPage(input: {
  message: string;
  csrfToken: string;
}): string {
  const script = `
const form = document.getElementById('login');
const alertBox = document.getElementById('alert');
function target() {
  const redirect = new URLSearchParams(location.search).get('redirect') || '/';
  return redirect.startsWith('/') && !redirect.startsWith('//') && !redirect.includes('\\\\') ? redirect : '/';
}
form.addEventListener('submit', async event => {
  event.preventDefault();
  alertBox.textContent = '';
  const headers = { 'Content-Type': 'application/json' };
  if (form.dataset.csrf) headers['X-CSRF-TOKEN'] = form.dataset.csrf;
  const response = await fetch('/api/v2/users/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: JSON.stringify({ email: form.email.value, password: form.password.value }),
  });
  if (response.status === 201) {
    location.assign(target());
    return;
  }
  const body = await response.json().catch(() => ({}));
  alertBox.textContent = body.message || 'Sign in failed (' + response.status + ')';
});`;
  return layout(
    'Sign in | Coder',
    `<h1>Sign in to Coder</h1>
<p>${escapeHtml(input.message)}</p>
<form id="login" data-csrf="${escapeHtml(input.csrfToken)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p id="alert" role="alert"></p>
<div class="actions"><button type="submit">Sign In</button></div>
</form>
<script>${script}</script>`,
  );
}
