import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CoderBackendClient } from '../coder/CoderBackendClient';
import {
  CoderResponseError,
  describeCoderErrorBody,
} from '../coder/CoderResponseError';
import { parameterValues } from '../coder/parameterValues';
import { resolveTemplate } from '../coder/resolveTemplate';
import { waitUntilRunning } from '../coder/waitUntilRunning';
import { workspaceNameProblem } from '../coder/workspaceNameProblem';
import { readCoderUrls } from '../coderUrls';
import { redactingLogger, redactToken } from './redaction';

/**
 * The task secret holding the template user's Coder session token. The frontend
 * plugin's `CoderWorkspaceTemplate` field puts it there.
 *
 * @public
 */
export const CODER_SESSION_TOKEN_SECRET = 'CODER_SESSION_TOKEN';

/** The action's id in templates. @public */
export const CODER_WORKSPACE_CREATE_ACTION_ID = 'coder:workspace:create';

/** Options for {@link createCoderWorkspaceAction}. @public */
export interface CreateCoderWorkspaceActionOptions {
  /** Backstage config: `coder.deployment.accessUrl`, optionally `coder.scaffolder.apiUrl`. */
  config: RootConfigService;
  /** How often to ask Coder for the build status while waiting. Default: 2000 ms. */
  pollIntervalMs?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_POLL_INTERVAL_MS = 2000;
const DEFAULT_REPO_URL_PARAMETERS = ['repo_url'];

/**
 * The `coder:workspace:create` scaffolder action: creates a Coder workspace from a
 * template, as the user who runs the Backstage template (their Coder token comes from
 * the task secrets), and by default waits until it is running. Registered by this
 * package's backend module; create it yourself only for a custom scaffolder setup.
 *
 * @public
 */
export function createCoderWorkspaceAction(
  options: CreateCoderWorkspaceActionOptions,
) {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: CODER_WORKSPACE_CREATE_ACTION_ID,
    description:
      "Creates a Coder workspace from a Coder template with the template user's own Coder token, and waits until it is running.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A workspace for the new repository',
        example: [
          'steps:',
          '  - id: workspace',
          '    name: Create a Coder workspace',
          `    action: ${CODER_WORKSPACE_CREATE_ACTION_ID}`,
          '    input:',
          '      templateName: devcontainers',
          '      name: ${{ parameters.name }}',
          '      repoUrl: https://github.com/acme/${{ parameters.name }}',
          '      parameters:',
          '        region: eu-helsinki',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        templateName: z =>
          z.string().min(1).describe('Name of the Coder template.'),
        organization: z =>
          z
            .string()
            .optional()
            .describe(
              'Coder organization of the template; needed only when several organizations have a template with this name.',
            ),
        name: z =>
          z
            .string()
            .describe(
              'Name of the new workspace: letters, digits and single hyphens, at most 32 characters.',
            ),
        parameters: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe(
              "Values of the template's rich parameters, by parameter name; others take their defaults.",
            ),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'A repository URL to put in each parameter named in repoUrlParameters that the template has.',
            ),
        repoUrlParameters: z =>
          z
            .array(z.string())
            .optional()
            .describe('Parameters that take repoUrl. Default: ["repo_url"].'),
        waitUntilRunning: z =>
          z
            .boolean()
            .optional()
            .describe('Wait until the workspace is running. Default: true.'),
        timeoutSeconds: z =>
          z
            .number()
            .positive()
            .optional()
            .describe('How long to wait for the workspace. Default: 600.'),
        token: z =>
          z
            .string()
            .optional()
            .describe(
              `A Coder session token. Default: the task secret ${CODER_SESSION_TOKEN_SECRET}, which the CoderWorkspaceTemplate field sets.`,
            ),
      },
      output: {
        workspaceId: z => z.string().describe('The workspace id.'),
        workspaceName: z => z.string().describe('The workspace name.'),
        ownerName: z => z.string().describe("The owner's Coder username."),
        workspaceUrl: z =>
          z.string().describe("The workspace's page in the Coder dashboard."),
        status: z =>
          z
            .string()
            .describe('Status of the latest build when the step ended.'),
        templateName: z => z.string().describe('The Coder template name.'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const token = input.token || ctx.secrets?.[CODER_SESSION_TOKEN_SECRET];
      if (!token) {
        throw new InputError(
          `No Coder token: use the CoderWorkspaceTemplate field in the template's parameters (it puts the user's Coder token in the task secret ${CODER_SESSION_TOKEN_SECRET}), or pass the action's "token" input.`,
        );
      }
      const logger = redactingLogger(ctx.logger, token);
      try {
        await createWorkspace({
          input,
          token,
          logger,
          config: options.config,
          pollIntervalMs,
          signal: ctx.signal,
          isDryRun: ctx.isDryRun === true,
          checkpoint: checkpointOptions => ctx.checkpoint(checkpointOptions),
          output: (name, value) => ctx.output(name, value),
        });
      } catch (error) {
        throw redactToken(error, token);
      }
    },
  });
}

type Outputs = {
  workspaceId: string;
  workspaceName: string;
  ownerName: string;
  workspaceUrl: string;
  status: string;
  templateName: string;
};

type CreatedWorkspace = { id: string; name: string; ownerName: string };

interface Run {
  input: {
    templateName: string;
    organization?: string;
    name: string;
    parameters?: Record<string, string>;
    repoUrl?: string;
    repoUrlParameters?: string[];
    waitUntilRunning?: boolean;
    timeoutSeconds?: number;
  };
  token: string;
  logger: LoggerService;
  config: RootConfigService;
  pollIntervalMs: number;
  signal?: AbortSignal;
  isDryRun: boolean;
  checkpoint(options: {
    key: string;
    fn: () => Promise<CreatedWorkspace>;
  }): Promise<CreatedWorkspace>;
  output<K extends keyof Outputs>(name: K, value: Outputs[K]): void;
}

async function createWorkspace(run: Run): Promise<void> {
  const { input, logger } = run;
  const nameProblem = workspaceNameProblem(input.name);
  if (nameProblem) {
    throw new InputError(
      `"${input.name}" is not a valid Coder workspace name: it ${nameProblem}.`,
    );
  }
  const urls = readCoderUrls(run.config);
  const client = new CoderBackendClient({
    apiUrl: urls.apiUrl,
    token: run.token,
    signal: run.signal,
  });

  // Read-only resolution first, so a dry run checks everything a real run would send.
  const me = await client.getMe();
  const template = await resolveTemplate(client, {
    name: input.templateName,
    organization: input.organization,
    username: me.username,
  });
  const templateParameters = await client.getTemplateParameters(
    template.active_version_id,
  );
  // A templating expression for an absent value renders as an empty string.
  const repoUrl = input.repoUrl || undefined;
  const repoUrlParameters =
    input.repoUrlParameters ?? DEFAULT_REPO_URL_PARAMETERS;
  const resolved = parameterValues({
    templateParameters,
    parameters: input.parameters ?? {},
    repoUrl,
    repoUrlParameters,
  });
  if (repoUrl !== undefined && resolved.repoUrlParameters.length === 0) {
    logger.warn(
      `Template ${template.name} has none of the parameters ${quotedList(repoUrlParameters)}; repoUrl is not used.`,
    );
  }
  if (resolved.unknownNames.length > 0) {
    logger.warn(
      `Template ${template.name} does not list the parameters ${quotedList(resolved.unknownNames)} (it lists ${quotedList(templateParameters.map(entry => entry.name))}); Coder will ignore them unless the template defines them dynamically.`,
    );
  }

  const label = `${me.username}/${input.name}`;
  const workspaceUrl = `${urls.accessUrl}/@${encodeURIComponent(me.username)}/${encodeURIComponent(input.name)}`;
  const parameterNames = resolved.values.map(value => value.name).join(', ');
  const summary = `workspace ${label} from template ${template.name} (organization ${template.organization_name})${parameterNames ? ` with parameters ${parameterNames}` : ''}`;

  if (run.isDryRun) {
    logger.info(`Dry run: would create ${summary}`);
    output(run, {
      workspaceId: 'dry-run',
      workspaceName: input.name,
      ownerName: me.username,
      workspaceUrl,
      status: 'dry-run',
      templateName: template.name,
    });
    return;
  }

  // The create is never retried; the checkpoint makes a re-run of the task reuse it.
  const created = await run.checkpoint({
    key: `coder-workspace-create-${input.name}`,
    fn: async () => {
      logger.info(`Creating ${summary}`);
      try {
        const workspace = await client.createWorkspace({
          template_id: template.id,
          name: input.name,
          rich_parameter_values: resolved.values,
        });
        logger.info(`Created workspace ${label}: ${workspaceUrl}`);
        return {
          id: workspace.id,
          name: workspace.name,
          ownerName: workspace.owner_name,
        };
      } catch (error) {
        throw createFailure(error, input.name, me.username);
      }
    },
  });

  let status: string;
  if (input.waitUntilRunning ?? true) {
    const workspace = await waitUntilRunning({
      client,
      workspaceId: created.id,
      label,
      workspaceUrl,
      timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      pollIntervalMs: run.pollIntervalMs,
      logger,
      signal: run.signal,
    });
    status = workspace.latest_build.status;
  } else {
    try {
      status = (await client.getWorkspace(created.id)).latest_build.status;
    } catch (error) {
      (error as Error).message += ` The workspace exists; see ${workspaceUrl}`;
      throw error;
    }
    logger.info(`Workspace ${label} is ${status}; not waiting for it`);
  }
  output(run, {
    workspaceId: created.id,
    workspaceName: created.name,
    ownerName: created.ownerName,
    workspaceUrl: `${urls.accessUrl}/@${encodeURIComponent(created.ownerName)}/${encodeURIComponent(created.name)}`,
    status,
    templateName: template.name,
  });
}

function quotedList(names: string[]): string {
  return names.length > 0 ? names.map(name => `"${name}"`).join(', ') : 'none';
}

function output(run: Run, outputs: Outputs): void {
  for (const name of Object.keys(outputs) as Array<keyof Outputs>)
    run.output(name, outputs[name]);
}

/** Coder's answers to a create, said in the template user's terms. */
function createFailure(error: unknown, name: string, owner: string): unknown {
  if (!(error instanceof CoderResponseError)) return error;
  // coderd/workspaces.go:628-637: the name is taken for this owner.
  if (
    error.status === 409 &&
    error.coder.validations.some(v => v.field === 'name')
  ) {
    return new ConflictError(
      `A workspace named "${name}" already exists for ${owner}. Choose another name.`,
    );
  }
  return new CoderResponseError(
    error.status,
    error.coder,
    `Coder refused the workspace: ${describeCoderErrorBody(error.coder)}`,
  );
}
