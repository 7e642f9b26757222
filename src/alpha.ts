/**
 * The Coder plugin for Backstage's new frontend system. The default export is the
 * plugin: an app with `app.packages: all` installs it by adding the package, no code.
 * Its extensions are reached for overrides through `getExtension`, e.g.
 * `coderPlugin.getExtension('entity-card:coder/workspaces')`.
 *
 * @packageDocumentation
 */
import { coderPlugin } from './alpha/plugin';

export default coderPlugin;
