/**
 * Hands a desktop-application URL (`vscode://…`, `jetbrains-gateway://…`) to the
 * operating system. Such a URL may carry a Coder API key, so it is built at click time
 * and assigned here, never rendered as an href; a module of its own so tests can watch
 * the hand-off (jsdom cannot navigate).
 */
export function handOffToDesktop(url: string): void {
  window.location.assign(url);
}
