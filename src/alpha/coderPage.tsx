import { PageBlueprint } from '@backstage/frontend-plugin-api';
import CloudIcon from '@material-ui/icons/Cloud';
import { coderPageRouteRef } from './routes';

/**
 * The Coder page at `/coder`: the user's workspaces, the deployment and templates. Its
 * title and icon make the sidebar's nav item; it also serves the OAuth2 callback at
 * `/coder/oauth/callback` (the default `coder.oauth.redirectUri`).
 *
 * @alpha
 */
export const coderPage = PageBlueprint.make({
  params: {
    path: '/coder',
    title: 'Coder',
    icon: <CloudIcon />,
    routeRef: coderPageRouteRef,
    loader: async () => {
      const { CoderPageRoutes } = await import('../lazyParts');
      // The framework draws the page header from the title above.
      return <CoderPageRoutes withHeader={false} />;
    },
  },
});
