import { apiError, notFound } from '../errors';
import { byDisplayOrder } from '../parameterOrder';
import type { ApiContext } from '../router';
import { searchLookups } from '../searchReferences';
import {
  serializeTemplate,
  serializeTemplateVersion,
  serializeTemplateVersionParameter,
} from '../serialize';
import {
  matchTemplate,
  parseTemplateQuery,
  sortTemplates,
} from '../templateQuery';
import {
  organizationParam,
  templateParam,
  templateVersionParam,
} from './lookups';

/** Templates and template versions. */

function listTemplates(context: ApiContext, organizationId?: string): void {
  const { store } = context.deployment;
  const { filter, errors } = parseTemplateQuery(
    context.url.searchParams.get('q') ?? '',
    searchLookups(store, context.actor.id),
  );
  if (errors.length > 0)
    throw apiError(400, 'Invalid template search query.', undefined, errors);
  if (organizationId) filter.organizationId = organizationId;
  const templates = sortTemplates(
    [...store.templates.values()].filter(template =>
      matchTemplate(filter, template, store),
    ),
  );
  context.respond(
    200,
    templates.map(template => serializeTemplate(store, template)),
  );
}

export function getTemplates(context: ApiContext): void {
  listTemplates(context);
}

export function getOrganizationTemplates(context: ApiContext): void {
  listTemplates(
    context,
    organizationParam(context, context.params.organization).id,
  );
}

export function getOrganizationTemplateByName(context: ApiContext): void {
  const organization = organizationParam(context, context.params.organization);
  const template = context.deployment.store.findTemplateByName(
    organization.id,
    context.params.templatename,
  );
  if (!template) throw notFound();
  context.respond(200, serializeTemplate(context.deployment.store, template));
}

export function getTemplate(context: ApiContext): void {
  context.respond(
    200,
    serializeTemplate(
      context.deployment.store,
      templateParam(context, context.params.template),
    ),
  );
}

export function getTemplateVersion(context: ApiContext): void {
  context.respond(
    200,
    serializeTemplateVersion(
      context.wire,
      templateVersionParam(context, context.params.templateversion),
    ),
  );
}

export function getTemplateVersionRichParameters(context: ApiContext): void {
  const version = templateVersionParam(context, context.params.templateversion);
  context.respond(
    200,
    byDisplayOrder(version.parameters).map(serializeTemplateVersionParameter),
  );
}

/** No seeded template defines presets. */
export function getTemplateVersionPresets(context: ApiContext): void {
  templateVersionParam(context, context.params.templateversion);
  context.respond(200, []);
}
