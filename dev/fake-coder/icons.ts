/**
 * Coder serves its icon set at `/icon/*` with long-lived caching; templates,
 * apps and parameters refer to these paths. Simple stand-ins, one colour each.
 */
function badge(color: string, text: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${text}">` +
    `<rect width="64" height="64" rx="12" fill="${color}"/>` +
    `<text x="32" y="40" font-family="sans-serif" font-size="22" font-weight="bold" text-anchor="middle" fill="#fff">${text}</text>` +
    '</svg>'
  );
}

export const ICONS: Record<string, string> = {
  'docker.svg': badge('#1d63ed', 'D'),
  'devcontainers.svg': badge('#2753e3', 'DC'),
  'vm.svg': badge('#6b7280', 'VM'),
  'code.svg': badge('#007acc', '</>'),
  'terminal.svg': badge('#111827', '>_'),
  'globe.svg': badge('#0e9f6e', 'W'),
  'book.svg': badge('#9333ea', 'B'),
  'folder.svg': badge('#d97706', 'F'),
  'git.svg': badge('#f05133', 'G'),
  'ubuntu.svg': badge('#e95420', 'U'),
  'node.svg': badge('#3c873a', 'N'),
  'avatar-alice.svg': badge('#db2777', 'A'),
  'avatar-admin.svg': badge('#0f766e', 'AA'),
};

export const ICON_CACHE_CONTROL = 'public, max-age=31536000, immutable';
