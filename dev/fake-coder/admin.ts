import { nowMicros } from './clock';
import type { Deployment } from './deployment';
import { ApiError } from './errors';
import { parseFaultSettings } from './faults';
import type { TemplateVersionRecord, UserStatus } from './records';
import { connectAgent } from './resources';
import { serializeTemplateVersion } from './serialize';
import { buildAgents } from './status';
import { mintToken } from './api/users';
import { OAUTH2_ADMIN_ENDPOINTS, OAUTH2_ADMIN_ROUTES } from './oauth2/admin';
import { matchRoute, publicRoute, RequestContext, Route } from './router';

/**
 * The fake's own control API at `/__fake/*`: never needs a Coder token, never
 * recorded in the request log. Errors are `{message}`.
 */

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON object sent, or {} when there is no body at all. */
async function objectBody(
  context: RequestContext,
): Promise<Record<string, unknown>> {
  const text = await context.readText();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AdminError(400, 'The body must be JSON.');
  }
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new AdminError(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

function nonNegativeInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new AdminError(400, `${name} must be a non-negative integer.`);
  }
  return value;
}

function config(deployment: Deployment) {
  return {
    buildStepMs: deployment.timing.buildStepMs,
    agentConnectMs: deployment.timing.agentConnectMs,
    apiRateLimit: deployment.rateLimiter.limit,
    accessUrl: deployment.accessUrl,
  };
}

function nextVersionName(current: string): string {
  const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(current);
  return match ? `v${match[1]}.${Number(match[2]) + 1}.0` : `${current}-next`;
}

const routes: Route[] = [
  ...OAUTH2_ADMIN_ROUTES,
  publicRoute('GET', '/__fake', context =>
    context.respond(200, {
      endpoints: [
        'GET|DELETE /__fake/requests',
        'GET|PUT|DELETE /__fake/faults',
        'GET|PUT /__fake/config',
        'POST /__fake/revoke',
        'POST /__fake/tokens',
        'PUT /__fake/users/{user}',
        'PUT /__fake/workspaces/{id}/agents',
        'POST /__fake/seed',
        'POST /__fake/reset',
        'POST /__fake/templates/{name}/versions',
        'DELETE /__fake/templates/{name}',
        ...OAUTH2_ADMIN_ENDPOINTS,
      ],
    }),
  ),
  publicRoute('GET', '/__fake/requests', context =>
    context.respond(200, context.deployment.requests.list()),
  ),
  publicRoute('DELETE', '/__fake/requests', context =>
    context.respond(200, { cleared: context.deployment.requests.clear() }),
  ),
  publicRoute('GET', '/__fake/faults', context =>
    context.respond(200, context.deployment.faults.settings),
  ),
  publicRoute('PUT', '/__fake/faults', async context => {
    const body = await objectBody(context);
    try {
      context.deployment.faults.settings = parseFaultSettings(body);
    } catch (error) {
      throw new AdminError(
        400,
        error instanceof ApiError
          ? (error.body.detail ?? error.message)
          : String(error),
      );
    }
    context.respond(200, context.deployment.faults.settings);
  }),
  publicRoute('DELETE', '/__fake/faults', context => {
    context.deployment.faults.clear();
    context.respond(200, context.deployment.faults.settings);
  }),
  publicRoute('GET', '/__fake/config', context =>
    context.respond(200, config(context.deployment)),
  ),
  publicRoute('PUT', '/__fake/config', async context => {
    const body = await objectBody(context);
    const { deployment } = context;
    for (const [key, value] of Object.entries(body)) {
      if (key === 'buildStepMs')
        deployment.timing.buildStepMs = nonNegativeInteger(value, key);
      else if (key === 'agentConnectMs')
        deployment.timing.agentConnectMs = nonNegativeInteger(value, key);
      else if (key === 'apiRateLimit') {
        deployment.rateLimiter.limit = nonNegativeInteger(value, key);
        deployment.rateLimiter.clear();
      } else
        throw new AdminError(400, `Unknown setting ${JSON.stringify(key)}.`);
    }
    context.respond(200, config(deployment));
  }),
  publicRoute('POST', '/__fake/revoke', async context => {
    const body = await objectBody(context);
    const { store } = context.deployment;
    let revoked = 0;
    if (typeof body.token === 'string') {
      const id = body.token.split('-')[0];
      if (store.tokens.delete(id)) revoked++;
    } else if (typeof body.user === 'string') {
      const user = store.findUser(body.user);
      if (!user)
        throw new AdminError(404, `No user ${JSON.stringify(body.user)}.`);
      for (const [id, token] of store.tokens) {
        if (token.userId === user.id) {
          store.tokens.delete(id);
          revoked++;
        }
      }
    } else {
      throw new AdminError(400, 'Give {"token": "…"} or {"user": "…"}.');
    }
    context.respond(200, { revoked });
  }),
  publicRoute('POST', '/__fake/tokens', async context => {
    const body = await objectBody(context);
    const user =
      typeof body.user === 'string'
        ? context.deployment.store.findUser(body.user)
        : undefined;
    if (!user)
      throw new AdminError(
        400,
        'Give {"user": "<username or id>", "lifetimeSeconds"?: number}.',
      );
    const lifetimeSeconds =
      body.lifetimeSeconds === undefined ? 86_400 : body.lifetimeSeconds;
    if (typeof lifetimeSeconds !== 'number')
      throw new AdminError(400, 'lifetimeSeconds must be a number.');
    context.respond(201, {
      key: mintToken(context, user, lifetimeSeconds * 1000),
    });
  }),
  publicRoute('PUT', '/__fake/users/:user', async context => {
    const body = await objectBody(context);
    const user = context.deployment.store.findUser(context.params.user);
    if (!user)
      throw new AdminError(
        404,
        `No user ${JSON.stringify(context.params.user)}.`,
      );
    const status = body.status as UserStatus;
    if (!['active', 'dormant', 'suspended'].includes(status)) {
      throw new AdminError(400, 'status must be active, dormant or suspended.');
    }
    user.status = status;
    user.updatedAt = nowMicros();
    context.respond(200, { username: user.username, status: user.status });
  }),
  publicRoute('PUT', '/__fake/workspaces/:workspace/agents', async context => {
    const body = await objectBody(context);
    const { store } = context.deployment;
    const workspace = store.workspaces.get(context.params.workspace);
    if (!workspace) throw new AdminError(404, 'No such workspace.');
    const now = nowMicros();
    const agents = buildAgents(store.latestBuild(workspace));
    if (body.status === 'connected')
      agents.forEach(agent => connectAgent(agent, now));
    else if (body.status === 'disconnected') {
      agents.forEach(agent => {
        agent.disconnectedAt = now;
        agent.updatedAt = now;
      });
    } else
      throw new AdminError(400, 'status must be connected or disconnected.');
    context.respond(200, { agents: agents.length });
  }),
  publicRoute('POST', '/__fake/seed', async context => {
    const body = await objectBody(context);
    const count = nonNegativeInteger(body.count, 'count');
    context.deployment.addWorkspaces(count);
    context.respond(200, {
      added: count,
      workspaces: context.deployment.store.workspaces.size,
    });
  }),
  publicRoute('POST', '/__fake/reset', async context => {
    const body = await objectBody(context);
    const timing: { buildStepMs?: number; agentConnectMs?: number } = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'buildStepMs' || key === 'agentConnectMs')
        timing[key] = nonNegativeInteger(value, key);
      else throw new AdminError(400, `Unknown setting ${JSON.stringify(key)}.`);
    }
    context.deployment.reset(timing);
    context.respond(200, {
      workspaces: context.deployment.store.workspaces.size,
    });
  }),
  publicRoute('POST', '/__fake/templates/:name/versions', async context => {
    const body = await objectBody(context);
    const { store } = context.deployment;
    const template = store.findTemplateByName(
      store.defaultOrganization().id,
      context.params.name,
    );
    if (!template)
      throw new AdminError(
        404,
        `No template ${JSON.stringify(context.params.name)}.`,
      );
    const active = store.templateVersions.get(template.activeVersionId);
    if (!active)
      throw new AdminError(500, 'The template has no active version.');
    const now = nowMicros();
    const version: TemplateVersionRecord = {
      ...active,
      id: store.newId(),
      name:
        typeof body.name === 'string'
          ? body.name
          : nextVersionName(active.name),
      message:
        typeof body.message === 'string'
          ? body.message
          : 'Published by the fake admin API',
      createdAt: now,
      updatedAt: now,
      parameters: active.parameters.map(parameter => ({
        ...parameter,
        options: [...parameter.options],
      })),
      job: {
        ...active.job,
        id: store.newId(),
        fileId: store.newId(),
        createdAt: now,
        updatedAt: now,
        startedAt: now,
        completedAt: now,
      },
    };
    store.addTemplateVersion(version);
    template.activeVersionId = version.id;
    template.updatedAt = now;
    context.respond(
      201,
      serializeTemplateVersion({ store, now, requesterId: '' }, version),
    );
  }),
  // Coder refuses to delete a template with workspaces; the fake lets tests skip that.
  publicRoute('DELETE', '/__fake/templates/:name', context => {
    const { store } = context.deployment;
    const template = store.findTemplateByName(
      store.defaultOrganization().id,
      context.params.name,
    );
    if (!template)
      throw new AdminError(
        404,
        `No template ${JSON.stringify(context.params.name)}.`,
      );
    template.deleted = true;
    template.updatedAt = nowMicros();
    context.respondEmpty(204);
  }),
];

export async function handleAdmin(context: RequestContext): Promise<void> {
  const match = matchRoute(
    routes,
    context.request.method ?? 'GET',
    context.url.pathname,
  );
  try {
    if (match.kind === 'not-found')
      throw new AdminError(
        404,
        'No such admin endpoint; GET /__fake lists them.',
      );
    if (match.kind === 'method-not-allowed')
      throw new AdminError(405, `Use ${match.allowed.join(' or ')}.`);
    if (match.route.authenticated)
      throw new AdminError(500, 'Admin routes never authenticate.');
    await match.route.handler({ ...context, params: match.params });
  } catch (error) {
    if (error instanceof AdminError)
      context.respond(error.status, { message: error.message });
    else
      context.respond(500, {
        message: error instanceof Error ? error.message : String(error),
      });
  }
}
