/*
 * Which dev app the running pass drives: the classic one (`legacy`, dev/legacy) or the
 * new frontend system (`new`, dev/index.tsx). Tests share one set of helpers, so the
 * runner sets the system once per pass and the helpers read it here.
 */
import { APP_URL } from '../../dev/stack.mjs';

/** Every system, in the order the runner starts them. */
export const SYSTEMS = ['legacy', 'new'];

let current = 'legacy';

/** Called by the runner before it starts a pass. */
export function setSystem(system) {
  if (!SYSTEMS.includes(system)) throw new Error(`Unknown system: ${system}`);
  current = system;
}

/** The system of the running pass. */
export function currentSystem() {
  return current;
}

/** The systems a test runs on: the classic app unless it says otherwise. */
export function systemsOf(test) {
  return test.systems ?? ['legacy'];
}

/** An entity's page: the classic dev app's own route, or the catalog's. */
export function entityUrl(name) {
  return current === 'new'
    ? `${APP_URL}/catalog/default/component/${name}`
    : `${APP_URL}/entity/${name}`;
}

/**
 * Where a shared test saves a screenshot. The README's screenshots are of the classic
 * app, so on the new system the same shots go to test-results/ instead of replacing
 * them (new-system-only tests save their own `new-system-*.png` in screenshots/).
 */
export function screenshotPath(file) {
  return current === 'new'
    ? `test-results/new-system/${file}`
    : `screenshots/${file}`;
}
