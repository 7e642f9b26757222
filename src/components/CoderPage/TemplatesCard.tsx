import { useState } from 'react';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemText from '@material-ui/core/ListItemText';
import type { CoderTemplate } from '../../api/types';
import { describeCoderError } from '../../api/describeCoderError';
import { buildWorkspaceCreationUrl } from '../../catalog/workspaceCreationUrl';
import { useCoderAppConfig } from '../../hooks/useCoderAppConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';
import { CreateWorkspaceDialog } from '../CreateWorkspaceDialog/LazyCreateWorkspaceDialog';
import { TemplateIcon } from '../CoderWorkspacesCard/TemplateIcon';

/** The user's templates (deprecated ones hidden by Coder), each with "Create". */
export function TemplatesCard() {
  const appConfig = useCoderAppConfig();
  const [chosen, setChosen] = useState<CoderTemplate>();
  const templates = useCoderQuery({
    queryKey: ['templates'],
    queryFn: ({ api, signal }) => api.getTemplates(undefined, { signal }),
    staleTime: 60_000,
  });
  return (
    <InfoCard title="Templates">
      {templates.isPending && <Progress />}
      {templates.error && (
        <WarningPanel
          severity="error"
          title={describeCoderError(templates.error).title}
          message={describeCoderError(templates.error).message}
        />
      )}
      {templates.data && (
        <List aria-label="Templates">
          {templates.data.map(template => (
            <ListItem key={template.id}>
              <ListItemAvatar>
                <TemplateIcon
                  icon={template.icon}
                  name={template.display_name || template.name}
                />
              </ListItemAvatar>
              <ListItemText
                primary={template.display_name || template.name}
                secondary={template.description}
              />
              <Button
                size="small"
                color="primary"
                variant="outlined"
                onClick={() => setChosen(template)}
                aria-label={`Create a workspace from ${template.display_name || template.name}`}
              >
                Create
              </Button>
            </ListItem>
          ))}
        </List>
      )}
      {chosen && (
        <CreateWorkspaceDialog
          open
          onClose={() => setChosen(undefined)}
          workspacesConfig={{
            readsEntityData: false,
            templateName: chosen.name,
            mode: 'manual',
            params: appConfig.workspaces.params,
            repoUrlParamKeys: appConfig.workspaces.repoUrlParamKeys,
            creationUrl: buildWorkspaceCreationUrl({
              accessUrl: appConfig.deployment.accessUrl,
              templateName: chosen.name,
              mode: 'manual',
              params: appConfig.workspaces.params,
              repoUrlParamKeys: appConfig.workspaces.repoUrlParamKeys,
            }),
            issues: [],
          }}
        />
      )}
    </InfoCard>
  );
}
