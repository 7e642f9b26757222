import { nextScheduled, parseWeeklySchedule } from '../cron';
import { apiError, notFound, tagFailure, ValidationError } from '../errors';
import { goQuote } from '../goText';
import { decodeStruct } from '../goJson';
import { isValidName } from '../names';
import type {
  BuildParameterRecord,
  TemplateRecord,
  WorkspaceRecord,
} from '../records';
import type { ApiContext } from '../router';
import { serializeWorkspace } from '../serialize';
import { NIL_UUID } from '../uuid';
import { createBuild } from '../workspaceBuilder';
import { isOwnerRole, userParam } from './lookups';

/**
 * POST /users/{user}/workspaces (and the organization member route), checked
 * in coderd/workspaces.go createWorkspace's order: the body, the template
 * (preflightWorkspaceCreate), the autostart schedule, the TTL, automatic
 * updates, the name, then the first build.
 */

const CREATE_WORKSPACE_FIELDS = {
  template_id: { kind: 'uuid' },
  template_version_id: { kind: 'uuid' },
  name: { kind: 'string' },
  autostart_schedule: { kind: 'string' },
  ttl_ms: { kind: 'int64' },
  rich_parameter_values: { kind: 'parameters' },
  automatic_updates: { kind: 'string', goType: 'codersdk.AutomaticUpdates' },
  template_version_preset_id: { kind: 'uuid' },
} as const;

const MINUTE_MS = 60_000;

/** go-playground/validator reports every failing field, in struct order. */
function structProblems(
  templateId: string | undefined,
  templateVersionId: string | undefined,
  name: string,
): ValidationError[] {
  const validations: ValidationError[] = [];
  if (!templateId && !templateVersionId) {
    validations.push(tagFailure('template_id', 'required_without', NIL_UUID));
    validations.push(
      tagFailure('template_version_id', 'required_without', NIL_UUID),
    );
  } else if (templateId && templateVersionId) {
    validations.push(tagFailure('template_id', 'excluded_with', templateId));
    validations.push(
      tagFailure('template_version_id', 'excluded_with', templateVersionId),
    );
  }
  if (!isValidName(name))
    validations.push(tagFailure('name', 'workspace_name', name));
  return validations;
}

/** requestTemplate: the template, through its version when that is what was given. */
function requestTemplate(
  context: ApiContext,
  templateId: string | undefined,
  templateVersionId: string | undefined,
): TemplateRecord {
  const { store } = context.deployment;
  let id = templateId;
  if (!id && templateVersionId) {
    const version = store.templateVersions.get(templateVersionId);
    if (!version) {
      throw apiError(
        400,
        `Template version ${goQuote(templateVersionId)} doesn't exist.`,
        undefined,
        [{ field: 'template_version_id', detail: 'template not found' }],
      );
    }
    id = version.templateId;
  }
  const template = id ? store.templates.get(id) : undefined;
  if (!template) {
    throw apiError(
      400,
      `Template ${goQuote(id ?? NIL_UUID)} doesn't exist.`,
      undefined,
      [{ field: 'template_id', detail: 'template not found' }],
    );
  }
  if (template.deleted)
    throw apiError(404, `Template ${goQuote(template.name)} has been deleted!`);
  return template;
}

/**
 * validWorkspaceTTLMillis: none or 0 takes the template default (0 is no
 * TTL); anything else is cut to whole minutes, then bounded.
 */
function workspaceTtl(
  ttlMs: number | undefined,
  templateDefaultMs: number,
): number | undefined {
  if (!ttlMs) return templateDefaultMs || undefined;
  const truncated = ttlMs - (ttlMs % MINUTE_MS);
  let problem: string | undefined;
  if (truncated < MINUTE_MS)
    problem = 'time until shutdown must be at least one minute';
  else if (truncated > 30 * 24 * 60 * MINUTE_MS)
    problem = 'time until shutdown must be less than 30 days';
  if (problem) {
    throw apiError(400, 'Invalid Workspace Time to Shutdown.', undefined, [
      { field: 'ttl_ms', detail: problem },
    ]);
  }
  return truncated;
}

/** validWorkspaceAutomaticUpdates; an empty value means `never`. */
function automaticUpdates(value: string): 'always' | 'never' {
  if (value === '' || value === 'never') return 'never';
  if (value === 'always') return 'always';
  throw apiError(
    400,
    'Invalid Workspace Automatic Updates setting.',
    undefined,
    [
      {
        field: 'automatic_updates',
        detail: 'Automatic updates must be always or never',
      },
    ],
  );
}

/** POST /users/{user}/workspaces and POST /organizations/{org}/members/{user}/workspaces. */
export async function postUserWorkspace(context: ApiContext): Promise<void> {
  const owner = userParam(context, context.params.user);
  const body = decodeStruct(
    await context.readJson(),
    'CreateWorkspaceRequest',
    CREATE_WORKSPACE_FIELDS,
  );
  const templateId = body.template_id as string | undefined;
  const templateVersionId = body.template_version_id as string | undefined;
  const name = (body.name as string | undefined) ?? '';
  const validations = structProblems(templateId, templateVersionId, name);
  if (validations.length > 0)
    throw apiError(400, 'Validation failed.', undefined, validations);

  const template = requestTemplate(context, templateId, templateVersionId);
  if (owner.id !== context.actor.id && !isOwnerRole(context.actor)) {
    throw apiError(
      403,
      'Unauthorized to create workspace.',
      'You are unable to create a workspace in this organization. It is possible to have access to the template, but not be able to create a workspace. Please contact an administrator about your permissions if you feel this is an error.',
    );
  }
  if (template.deprecationMessage) {
    throw apiError(
      400,
      `Template ${goQuote(template.name)} has been deprecated, and cannot be used to create a new workspace.`,
      template.deprecationMessage,
    );
  }
  const { store } = context.deployment;
  if (
    !store.templateVersions.has(templateVersionId ?? template.activeVersionId)
  )
    throw notFound();

  const schedule = (body.autostart_schedule as string | undefined) ?? '';
  let nextStartAt: number | undefined;
  if (schedule !== '') {
    const parsed = parseWeeklySchedule(schedule);
    if (!parsed.ok) {
      throw apiError(400, 'Invalid Autostart Schedule.', undefined, [
        { field: 'schedule', detail: parsed.error },
      ]);
    }
    // Every day is allowed: the fake's templates have no autostart requirement.
    nextStartAt = nextScheduled(parsed.schedule, context.now) || undefined;
  }
  const ttlMs = workspaceTtl(
    body.ttl_ms as number | undefined,
    template.defaultTtlMs,
  );
  const updates = automaticUpdates(
    (body.automatic_updates as string | undefined) ?? '',
  );
  if (store.findWorkspaceByOwnerAndName(owner.id, name)) {
    throw apiError(
      409,
      `Workspace ${goQuote(name)} already exists.`,
      undefined,
      [
        {
          field: 'name',
          detail: 'This value is already in use and should be unique.',
        },
      ],
    );
  }

  const now = context.now;
  const workspace: WorkspaceRecord = {
    id: store.newId(),
    name,
    ownerId: owner.id,
    organizationId: template.organizationId,
    templateId: template.id,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    deleted: false,
    autostartSchedule: schedule || undefined,
    nextStartAt,
    ttlMs,
    automaticUpdates: updates,
    favorite: false,
    builds: [],
  };
  createBuild(store, context.deployment.runner, {
    workspace,
    transition: 'start',
    initiator: context.actor,
    templateVersionId,
    useActiveVersion: !templateVersionId,
    richParameterValues:
      (body.rich_parameter_values as BuildParameterRecord[] | undefined) ?? [],
    reason: 'initiator',
    injectedFailure: () => context.deployment.faults.takeBuildFailure(),
  });
  store.addWorkspace(workspace);
  context.respond(201, serializeWorkspace(context.wire, workspace));
}
