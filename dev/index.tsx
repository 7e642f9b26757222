import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { SignInPage } from '@backstage/core-components';
import coderPlugin from '../src/alpha';
// The dev app plays the role of an app package, which loads Backstage UI's styles once.
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';

/*
 * The new-frontend-system dev app (`npm start`), what `create-app` generates today: the
 * real catalog (entities from dev/catalog/entities.yaml through the dev backend), the
 * scaffolder with the example template, and our plugin added as a feature, nothing else.
 * The card, the About card's link, the context menu item, the Coder page with its nav
 * item and the scaffolder's CoderWorkspaceTemplate field all come from the plugin itself.
 */
const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => (
          <SignInPage
            {...props}
            providers={['guest']}
            title="Coder plugin dev app"
          />
        ),
      },
    }),
  ],
});

const app = createApp({
  features: [catalogPlugin, scaffolderPlugin, coderPlugin, signInModule],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
