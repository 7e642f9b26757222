import { useContext } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCoderAuth } from '../../hooks/useCoderAuth';
import { CoderOAuthCallbackPage } from '../CoderOAuthCallback/CoderOAuthCallbackPage';
import { CoderContext } from '../CoderProvider/CoderContext';
import { CoderProvider } from '../CoderProvider/CoderProvider';
import { CoderWorkspacesCard } from '../CoderWorkspacesCard/CoderWorkspacesCard';
import { DeploymentCard } from './DeploymentCard';
import { TemplatesCard } from './TemplatesCard';

/** Props of {@link CoderPage}. @public */
export interface CoderPageProps {
  /** Page title. Default: `Coder`. */
  title?: string;
}

/** Options for the page's body; the new frontend system draws the header itself. */
interface CoderPageContentProps extends CoderPageProps {
  withHeader?: boolean;
}

/**
 * One link form per page: "My workspaces" shows it, and the templates card says it
 * needs it rather than showing a second form.
 */
function TemplatesOnceLinked() {
  const { hasToken } = useCoderAuth();
  if (hasToken) return <TemplatesCard />;
  return (
    <InfoCard title="Templates">
      <Typography variant="body2" color="textSecondary">
        Link your Coder account in My workspaces to see your templates.
      </Typography>
    </InfoCard>
  );
}

function CoderPageContent(props: CoderPageContentProps) {
  const { title, withHeader = true } = props;
  const content = (
    <Content>
      <Grid container spacing={3}>
        <Grid item md={7} xs={12}>
          <CoderWorkspacesCard title="My workspaces" />
        </Grid>
        <Grid item md={5} xs={12}>
          <Grid container spacing={3} direction="column">
            <Grid item>
              <DeploymentCard />
            </Grid>
            <Grid item>
              <TemplatesOnceLinked />
            </Grid>
          </Grid>
        </Grid>
      </Grid>
    </Content>
  );
  if (!withHeader) return content;
  return (
    <Page themeId="tool">
      <Header
        title={title ?? 'Coder'}
        subtitle="Your workspaces and templates"
      />
      {content}
    </Page>
  );
}

/**
 * A page of its own: all the user's workspaces with search and actions, the deployment,
 * and the templates to create from. Works inside or outside an app-wide CoderProvider.
 *
 * @public
 */
export function CoderPage(props: CoderPageProps) {
  return <CoderPageRoutes {...props} />;
}

/**
 * The page and its OAuth callback route. The new frontend system renders the page
 * header itself, so its page passes `withHeader: false`.
 */
export function CoderPageRoutes(props: CoderPageContentProps) {
  return (
    <Routes>
      <Route path="oauth/callback" element={<CoderOAuthCallbackPage />} />
      <Route path="*" element={<CoderPageWithProvider {...props} />} />
    </Routes>
  );
}

function CoderPageWithProvider(props: CoderPageContentProps) {
  const insideProvider = useContext(CoderContext) !== undefined;
  return insideProvider ? (
    <CoderPageContent {...props} />
  ) : (
    <CoderProvider>
      <CoderPageContent {...props} />
    </CoderProvider>
  );
}
