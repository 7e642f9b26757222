import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { describeCoderError } from '../../api/describeCoderError';
import type { CoderWorkspacesConfig } from '../../hooks/useCoderWorkspacesConfig';
import { useCoderQuery } from '../../hooks/useCoderQuery';
import {
  createWorkspaceProblems,
  initialParameterValues,
  parameterProblem,
} from '../../workspaces/parameterValues';
import {
  suggestWorkspaceName,
  workspaceNameProblem,
} from '../../workspaces/workspaceName';
import { useFieldFocus } from './focusField';
import { AutoCreateSummary } from './AutoCreateSummary';
import { ParameterFields } from './ParameterFields';
import { ProblemsSummary } from './ProblemsSummary';
import { cardOmission } from './repositoryScope';
import { useCreateWorkspace } from './useCreateWorkspace';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    paddingTop: theme.spacing(1),
  },
  summary: {
    marginTop: theme.spacing(2),
  },
}));

/** Props of {@link CreateWorkspaceDialog}. @public */
export interface CreateWorkspaceDialogProps {
  open: boolean;
  onClose: () => void;
  /** Template, parameters and repository to start from (see `useCoderWorkspacesConfig`). */
  workspacesConfig: CoderWorkspacesConfig;
  /**
   * One-click creation: list the values for a single confirming click instead of the
   * whole form (which opens on "Edit values", or when Coder objects).
   */
  autoSubmit?: boolean;
}

/**
 * Creates a workspace inside Backstage: template (preselected or chosen), the active
 * version's rich parameters as a form, a suggested name. Checks what it can before
 * sending; its own and Coder's objections land on their fields, focus moves to the
 * first, a summary beside the buttons names them all, and nothing typed is lost. Says
 * when the new workspace will not be listed on the repository's card.
 *
 * @public
 */
export function CreateWorkspaceDialog(props: CreateWorkspaceDialogProps) {
  const { open, onClose, workspacesConfig, autoSubmit } = props;
  const classes = useStyles();
  const templates = useCoderQuery({
    queryKey: ['templates'],
    queryFn: ({ api, signal }) => api.getTemplates(undefined, { signal }),
    enabled: open,
    staleTime: 60_000,
  });
  const [templateId, setTemplateId] = useState<string>();
  const preselected = templates.data?.find(
    template => template.name === workspacesConfig.templateName,
  );
  const template = templates.data?.find(
    candidate => candidate.id === (templateId ?? preselected?.id),
  );

  const parameters = useCoderQuery({
    queryKey: ['template-version-parameters', template?.active_version_id],
    queryFn: ({ api, signal }) =>
      api.getTemplateVersionParameters(template!.active_version_id, { signal }),
    enabled: open && Boolean(template),
    staleTime: 60_000,
  });
  const visibleParameters = useMemo(
    () => parameters.data ?? [],
    [parameters.data],
  );

  const [name, setName] = useState(() =>
    suggestWorkspaceName(
      workspacesConfig.repoUrl ?? workspacesConfig.templateName,
    ),
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [unlocked, setUnlocked] = useState<Set<string>>(new Set());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string>();
  const [editing, setEditing] = useState(false);
  // A new object per failed attempt, so the same problems are shown again each time.
  const [reveal, setReveal] = useState<{ first?: string }>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const { fieldRef, focusField } = useFieldFocus();

  // New parameters (another template): start from defaults, keep what was typed.
  useEffect(() => {
    if (!parameters.data) return;
    const initial = initialParameterValues(
      parameters.data,
      workspacesConfig.params,
      workspacesConfig.repository,
    );
    setValues(previous => ({
      ...initial,
      ...pick(previous, Object.keys(initial)),
    }));
  }, [parameters.data, workspacesConfig]);

  const creation = useCreateWorkspace(() => onClose());
  const repoKeys = new Set(
    workspacesConfig.repoUrl ? workspacesConfig.repoUrlParamKeys : [],
  );
  const fieldOrder = useMemo(
    () => ['name', ...visibleParameters.map(parameter => parameter.name)],
    [visibleParameters],
  );
  const omission = parameters.data
    ? cardOmission(
        workspacesConfig,
        visibleParameters.map(parameter => parameter.name),
        values,
      )
    : undefined;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!template) return;
    const problems: Record<string, string> = {};
    const nameProblem = workspaceNameProblem(name);
    if (nameProblem) problems.name = nameProblem;
    for (const parameter of visibleParameters) {
      const problem = parameterProblem(parameter, values[parameter.name] ?? '');
      if (problem) problems[parameter.name] = problem;
    }
    setFieldErrors(problems);
    setGeneralError(undefined);
    if (Object.keys(problems).length > 0) {
      setReveal({ first: fieldOrder.find(key => problems[key]) });
      return;
    }
    creation.create(
      {
        name,
        template_id: template.id,
        rich_parameter_values: visibleParameters.map(parameter => ({
          name: parameter.name,
          value: values[parameter.name] ?? '',
        })),
      },
      omission,
    );
  };

  // Coder's answer to a failed create goes onto the fields, and is revealed once.
  const revealedError = useRef<Error>();
  useEffect(() => {
    if (!creation.error) return;
    const problems = createWorkspaceProblems(
      creation.error,
      visibleParameters.map(parameter => parameter.name),
    );
    setFieldErrors(problems.fields);
    setGeneralError(problems.general);
    if (revealedError.current !== creation.error) {
      revealedError.current = creation.error;
      setReveal({ first: fieldOrder.find(key => problems.fields[key]) });
    }
  }, [creation.error, visibleParameters, fieldOrder]);

  // Focus goes to the first field to fix; the summary beside the buttons then scrolls
  // into view, since that is where the user pressed Create.
  useEffect(() => {
    if (!reveal) return;
    if (reveal.first) focusField(reveal.first);
    // jsdom (tests) has no layout and no scrollIntoView.
    summaryRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal, focusField]);

  // Auto mode: the values are listed for one confirming click (an entity may have set
  // them, and nothing is created that the user has not seen); the form appears when the
  // user asks to edit, or when Coder objects. A template the user picked instead of the
  // configured one (not offered) always gets the form.
  const ready = Boolean(
    template &&
    parameters.data &&
    Object.keys(values).length >= visibleParameters.length,
  );

  const loadError = templates.error ?? parameters.error;
  // Coder's list leaves out deprecated templates and those the user may not use; the
  // app-config or entity may still name one. Say so rather than show an empty dialog.
  const missingTemplate =
    templates.data && workspacesConfig.templateName && !preselected
      ? workspacesConfig.templateName
      : undefined;
  const showForm =
    !autoSubmit ||
    editing ||
    templateId !== undefined ||
    Boolean(missingTemplate) ||
    Boolean(creation.error) ||
    Object.keys(fieldErrors).length > 0;
  const problemFields = fieldOrder
    .filter(key => fieldErrors[key])
    .map(key => ({ key, label: fieldLabel(key, visibleParameters) }));

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="coder-create-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="coder-create-title">Create a workspace</DialogTitle>
      <DialogContent>
        {loadError && (
          <Alert severity="error" role="alert">
            {describeCoderError(loadError).message}
          </Alert>
        )}
        {!loadError &&
          (templates.isPending || (template && parameters.isPending)) && (
            <Progress />
          )}
        {!showForm && creation.isPending && (
          <Progress aria-label="Creating workspace" />
        )}
        {!showForm && ready && template && !creation.isPending && (
          <AutoCreateSummary
            templateLabel={template.display_name || template.name}
            name={name}
            parameters={visibleParameters}
            values={values}
            fromEntity={{
              template: Boolean(workspacesConfig.entityTemplate),
              params: new Set(workspacesConfig.entityParams ?? []),
            }}
          />
        )}
        {showForm && templates.data && (
          <form
            id="coder-create-form"
            className={classes.form}
            onSubmit={submit}
            noValidate
          >
            {missingTemplate && !template && (
              <Alert severity="warning" role="alert">
                Coder does not offer the template "{missingTemplate}" to you: it
                may be deprecated, or you may not have access to it. Choose
                another template.
              </Alert>
            )}
            <TextField
              id="coder-create-template"
              select
              label="Template"
              value={template?.id ?? ''}
              onChange={event => setTemplateId(event.target.value)}
              variant="outlined"
              size="small"
              helperText={template?.description}
              required
            >
              {templates.data.map(candidate => (
                <MenuItem key={candidate.id} value={candidate.id}>
                  {candidate.display_name || candidate.name}
                </MenuItem>
              ))}
            </TextField>
            {omission === 'no repository parameter' && (
              <Alert severity="info" role="status">
                This template has no repository parameter, so the new workspace
                will not be listed on this card.
              </Alert>
            )}
            <div ref={fieldRef('name')}>
              <TextField
                id="coder-create-name"
                label="Workspace name"
                value={name}
                onChange={event => setName(event.target.value)}
                error={Boolean(fieldErrors.name)}
                helperText={fieldErrors.name ?? 'Letters, digits and hyphens.'}
                variant="outlined"
                size="small"
                fullWidth
                required
              />
            </div>
            <ParameterFields
              parameters={visibleParameters}
              values={values}
              onChange={(parameterName, value) =>
                setValues(previous => ({ ...previous, [parameterName]: value }))
              }
              errors={fieldErrors}
              repoKeys={repoKeys}
              unlocked={unlocked}
              onUnlock={parameterName =>
                setUnlocked(previous => new Set(previous).add(parameterName))
              }
              fieldRef={fieldRef}
              otherThan={
                omission === 'another repository'
                  ? workspacesConfig.repoUrl
                  : undefined
              }
            />
          </form>
        )}
        {showForm &&
          templates.data &&
          (generalError || problemFields.length > 0) && (
            <ProblemsSummary
              ref={summaryRef}
              className={classes.summary}
              fields={problemFields}
              general={generalError}
              onPick={focusField}
            />
          )}
      </DialogContent>
      <DialogActions>
        {workspacesConfig.creationUrl && (
          <Link
            to={workspacesConfig.creationUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            Open Coder's form instead
          </Link>
        )}
        <Button onClick={onClose}>Cancel</Button>
        {!showForm && ready && (
          <>
            <Button onClick={() => setEditing(true)}>Edit values</Button>
            <Button
              color="primary"
              variant="contained"
              disabled={creation.isPending}
              onClick={() => submit()}
            >
              Create workspace
            </Button>
          </>
        )}
        {showForm && (
          <Button
            type="submit"
            form="coder-create-form"
            color="primary"
            variant="contained"
            disabled={!template || creation.isPending}
          >
            Create workspace
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function pick(
  record: Record<string, string>,
  keys: string[],
): Record<string, string> {
  return Object.fromEntries(
    keys.filter(key => key in record).map(key => [key, record[key]]),
  );
}

/** How the form labels a field, for the summary. */
function fieldLabel(
  key: string,
  parameters: ReadonlyArray<{ name: string; display_name?: string }>,
): string {
  if (key === 'name') return 'Workspace name';
  const parameter = parameters.find(candidate => candidate.name === key);
  return parameter?.display_name || key;
}
