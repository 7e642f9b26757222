import { lazyComponent } from '../lazyComponent';

/**
 * A row for Backstage's user settings page (Authentication Providers): shows the
 * linked Coder user and signs in (OAuth2 popup) or out. Add it beside the defaults:
 * `<UserSettingsPage providerSettings={<><DefaultProviderSettings configuredProviders={…} /><CoderProviderSettings /></>} />`.
 *
 * @public
 */
export const CoderProviderSettings = lazyComponent<{}>(() =>
  import('./CoderProviderSettingsRow').then(m => m.CoderProviderSettingsRow),
);
