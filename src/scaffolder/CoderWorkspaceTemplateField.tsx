import { useEffect, useMemo, useRef } from 'react';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { Progress, WarningPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { useQuery } from '@tanstack/react-query';
import { coderApiRef } from '../api/CoderApi';
import { describeCoderError } from '../api/describeCoderError';
import { coderTokenStoreApiRef } from '../auth/coderTokenStoreApiRef';
import { coderAuthApiRef } from '../auth/oauth/coderAuthApiRef';
import { CoderAuthWrapper } from '../components/CoderAuthWrapper';
import { InsideAnotherForm } from '../components/CoderAuthForm/insideAnotherForm';
import { ParameterField } from '../components/CreateWorkspaceDialog/ParameterField';
import { ProblemsSummary } from '../components/CreateWorkspaceDialog/ProblemsSummary';
import { useFieldFocus } from '../components/CreateWorkspaceDialog/focusField';
import { useCoderAuth } from '../hooks/useCoderAuth';
import { useCoderContext } from '../components/CoderProvider/CoderContext';
import { useCoderSession } from '../hooks/useCoderSession';
import { BoundParameterField } from './BoundParameterField';
import {
  CODER_SESSION_TOKEN_SECRET,
  type CoderWorkspaceTemplateUiOptions,
  type CoderWorkspaceTemplateValue,
} from './CoderWorkspaceTemplateValue';
import {
  resolveBoundParameter,
  type ResolvedBoundParameter,
} from './boundParameters';
import { nextFieldValue, sameFieldValue } from './nextFieldValue';
import {
  bindingStates,
  parameterLabel,
  parameterProblems,
} from './parameterProblems';
import {
  allowedTemplates,
  chosenTemplate,
  missingTemplates,
} from './templateChoice';
import {
  templateParametersQueryOptions,
  templatesQueryOptions,
} from './templateQueries';
import { TemplatePicker } from './TemplatePicker';
import { useSessionTokenSecret } from './useSessionTokenSecret';
import {
  resolveWorkspaceName,
  workspaceNameShapeProblem,
  workspaceNameTaken,
  workspaceNameTakenQueryOptions,
} from './workspaceNameCheck';
import { WorkspaceNameField } from './WorkspaceNameField';

const useStyles = makeStyles(theme => ({
  field: {
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  parameter: {
    display: 'flex',
    flexDirection: 'column',
  },
}));

/** Props of {@link CoderWorkspaceTemplateField}. @public */
export type CoderWorkspaceTemplateFieldProps = FieldExtensionComponentProps<
  CoderWorkspaceTemplateValue,
  CoderWorkspaceTemplateUiOptions
>;

/**
 * The `CoderWorkspaceTemplate` scaffolder field: links the Coder account in place when
 * needed (the card's link form), then offers the allowed templates and the chosen
 * one's rich parameters, with the create dialog's controls and checks. While linked it
 * keeps the session token in the task's secrets and says so. See
 * {@link CoderWorkspaceTemplateUiOptions} for its options.
 *
 * @public
 */
export function CoderWorkspaceTemplateField(
  props: CoderWorkspaceTemplateFieldProps,
) {
  const apis = useApiHolder();
  // A classic app registers the plugin's APIs when it finds the extension (or a
  // CoderProvider) in its element tree; an app that built its own tree may not have.
  if (!apis.get(coderTokenStoreApiRef) || !apis.get(coderApiRef)) {
    return (
      <WarningPanel
        severity="error"
        title="The Coder plugin is not installed in this app"
        message="This field needs the Coder plugin's APIs. Add the plugin to the app (see the plugin's README), then reload."
      />
    );
  }
  return <InstalledField {...props} />;
}

function InstalledField(props: CoderWorkspaceTemplateFieldProps) {
  const { formData, onChange, uiSchema, schema, idSchema, rawErrors } = props;
  const uiOptions = uiSchema?.['ui:options'];
  const options = useMemo<CoderWorkspaceTemplateUiOptions>(
    () => uiOptions ?? {},
    [uiOptions],
  );
  const classes = useStyles();
  // Created here as CoderProvider does, so an OAuth session refreshes from the start:
  // a scaffolder page need not sit inside a CoderProvider.
  useApi(coderAuthApiRef);
  const auth = useCoderAuth();
  const { snapshot } = useCoderSession();
  useSessionTokenSecret(
    options.secretsKey || CODER_SESSION_TOKEN_SECRET,
    auth.hasToken ? snapshot.token : undefined,
    options.shareSession !== false,
  );

  const formContextData = props.formContext?.formData as
    Record<string, unknown> | undefined;
  const rootProperties = (props.registry?.rootSchema?.properties ??
    {}) as Record<string, { title?: unknown }>;
  // Sources are named by their title when they are on this step; the scaffolder shows
  // only this step's schema, so others get their name as its review page words it.
  const sourceTitle = (path: string) => {
    const own = rootProperties[path]?.title;
    return typeof own === 'string' && own ? own : fieldNameAsTitle(path);
  };
  const bound: Record<string, ResolvedBoundParameter> = {};
  for (const [name, expression] of Object.entries(
    options.boundParameters ?? {},
  )) {
    const result = resolveBoundParameter(String(expression), formContextData);
    bound[name] = {
      ...result,
      sources: result.sources.map(sourceTitle),
      missing: result.missing.map(sourceTitle),
    };
  }

  // The scaffolder validates only fields that hold a value, and it is validation that
  // says "link first": so there is one before linking too. Once linked, LinkedField
  // keeps it.
  useEffect(() => {
    if (!formData && !auth.hasToken) {
      onChange(nextFieldValue({ options, bound: {} }));
    }
  }, [formData, auth.hasToken, onChange, options]);

  const resolvedName = resolveWorkspaceName(
    options.workspaceName,
    formContextData,
  );
  const workspaceName = resolvedName && {
    resolved: resolvedName,
    sourceTitles: resolvedName.sources.map(sourceTitle),
    missingTitles: resolvedName.missing.map(sourceTitle),
  };

  const fieldId = idSchema?.$id ?? 'coder-workspace-template';
  const title = schema?.title ?? 'Coder workspace';

  return (
    <fieldset className={classes.field}>
      <Typography variant="h6" component="legend">
        {title}
      </Typography>
      {schema?.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      <InsideAnotherForm>
        <CoderAuthWrapper type="inline">
          <LinkedField
            fieldId={fieldId}
            value={formData}
            onChange={onChange}
            options={options}
            bound={bound}
            workspaceName={workspaceName}
            revealProblems={(rawErrors ?? []).length > 0}
            username={auth.user?.username}
            sessionVersion={auth.sessionVersion}
          />
        </CoderAuthWrapper>
      </InsideAnotherForm>
    </fieldset>
  );
}

/** `repoUrl` → "Repo Url", `service.name` → "Service Name": the review page's wording. */
function fieldNameAsTitle(path: string): string {
  return path
    .split(/[.\s_-]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

interface LinkedFieldProps {
  fieldId: string;
  value?: CoderWorkspaceTemplateValue;
  onChange: (value: CoderWorkspaceTemplateValue) => void;
  options: CoderWorkspaceTemplateUiOptions;
  bound: Record<string, ResolvedBoundParameter>;
  /** The workspace's name from the form, when `ui:options.workspaceName` is set. */
  workspaceName?: {
    resolved: ResolvedBoundParameter;
    sourceTitles: string[];
    missingTitles: string[];
  };
  /** True once the scaffolder has refused the step: problems show on their parameters. */
  revealProblems: boolean;
  username?: string;
  sessionVersion: number;
}

function LinkedField(props: LinkedFieldProps) {
  const { fieldId, value, onChange, options, bound, revealProblems } = props;
  const { workspaceName } = props;
  const { username, sessionVersion } = props;
  const classes = useStyles();
  const api = useApi(coderApiRef);
  const { queryClient } = useCoderSession();
  const templates = useQuery(
    templatesQueryOptions(api, sessionVersion),
    queryClient,
  );
  const allowed = useMemo(
    () => allowedTemplates(templates.data ?? [], options),
    [templates.data, options],
  );
  const template = chosenTemplate(allowed, value, options);
  const parameters = useQuery(
    {
      ...templateParametersQueryOptions(
        api,
        sessionVersion,
        template?.active_version_id ?? '',
      ),
      enabled: Boolean(template),
    },
    queryClient,
  );

  const accessUrl = useCoderContext().config?.deployment.accessUrl;
  const nameShapeProblem =
    workspaceName &&
    workspaceNameShapeProblem({
      ...workspaceName.resolved,
      missing: workspaceName.missingTitles,
    });
  const completeName =
    workspaceName &&
    !nameShapeProblem &&
    workspaceName.resolved.runtime.length === 0
      ? workspaceName.resolved.value
      : undefined;
  const nameTaken = useQuery(
    {
      ...workspaceNameTakenQueryOptions(
        api,
        sessionVersion,
        completeName ?? '',
      ),
      enabled: Boolean(completeName),
    },
    queryClient,
  );
  const nameProblem =
    nameShapeProblem ??
    (completeName && nameTaken.data
      ? workspaceNameTaken(completeName)
      : undefined);
  const next = nextFieldValue({
    current: value,
    options,
    accessUrl,
    workspaceName: completeName,
    template,
    parameters: template ? parameters.data : undefined,
    bound: Object.fromEntries(
      Object.entries(bound).map(([name, resolved]) => [
        name,
        resolved.runtime.length > 0 ? undefined : resolved.value,
      ]),
    ),
  });
  // The value follows what is shown: the template chosen by default, parameters
  // started from defaults and presets, bound ones from their source. Each correction
  // is sent once, so a form that rewrote the value could not start a loop.
  const stale = !sameFieldValue(next, value);
  const sent = useRef<string>();
  useEffect(() => {
    const key = JSON.stringify(next);
    if (stale && sent.current !== key) {
      sent.current = key;
      onChange(next);
    }
  });

  const { fieldRef, focusField } = useFieldFocus();
  const latest = useRef(next);
  latest.current = next;
  const setParameter = (name: string, parameterValue: string) =>
    onChange({
      ...latest.current,
      parameters: { ...latest.current.parameters, [name]: parameterValue },
    });

  const missing = templates.data
    ? missingTemplates(templates.data, options)
    : [];
  const loadError = templates.error ?? (template ? parameters.error : null);
  const shown = template ? (parameters.data ?? []) : [];
  const problems = revealProblems
    ? parameterProblems(shown, next.parameters, bindingStates(bound))
    : {};
  const problemFields = shown
    .filter(parameter => problems[parameter.name])
    .map(parameter => ({
      key: parameter.name,
      label: parameterLabel(parameter),
    }));

  return (
    <>
      {options.shareSession !== false && (
        <Alert severity="info" role="note">
          This template's steps will act in Coder as{' '}
          <strong>{username ?? 'your Coder account'}</strong>, with your Coder
          session, for this run only. Check what the template does before you
          create it.
        </Alert>
      )}
      {loadError && (
        <Alert severity="error" role="alert">
          {describeCoderError(loadError).message}
        </Alert>
      )}
      {templates.isPending && <Progress />}
      {missing.length > 0 && (
        <Alert severity="warning" role="status">
          Coder does not offer{' '}
          {missing.length === 1 ? 'the template' : 'the templates'}{' '}
          {missing.map(name => `"${name}"`).join(', ')} to you: it may be
          deprecated, or you may not have access to it.
        </Alert>
      )}
      {templates.data && allowed.length === 0 && (
        <Alert severity="warning" role="status">
          Coder offers you none of the templates this form allows. Ask a Coder
          admin for access.
        </Alert>
      )}
      {workspaceName && (
        <WorkspaceNameField
          id={`${fieldId}-workspace-name`}
          resolved={workspaceName.resolved}
          sourceTitles={workspaceName.sourceTitles}
          problem={nameProblem}
          checking={Boolean(completeName) && nameTaken.isPending}
        />
      )}
      {allowed.length > 0 && (
        <TemplatePicker
          templates={allowed}
          chosenId={template?.id}
          idPrefix={fieldId}
          onChoose={choice =>
            onChange({
              ...latest.current,
              templateName: choice.name,
              organization: choice.organization_name,
            })
          }
        />
      )}
      {template && parameters.isPending && <Progress />}
      {template && parameters.data?.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This template has no parameters.
        </Typography>
      )}
      {shown.map(parameter => {
        const binding = bound[parameter.name];
        return (
          <div
            key={parameter.name}
            ref={fieldRef(parameter.name)}
            className={classes.parameter}
          >
            {binding ? (
              <BoundParameterField
                parameter={parameter}
                value={binding.value}
                sources={binding.sources}
                missing={binding.missing}
                runtime={binding.runtime}
                error={problems[parameter.name]}
              />
            ) : (
              <ParameterField
                parameter={parameter}
                value={next.parameters[parameter.name] ?? ''}
                onChange={parameterValue =>
                  setParameter(parameter.name, parameterValue)
                }
                error={problems[parameter.name]}
              />
            )}
          </div>
        );
      })}
      {problemFields.length > 0 && (
        <ProblemsSummary fields={problemFields} onPick={focusField} />
      )}
    </>
  );
}
