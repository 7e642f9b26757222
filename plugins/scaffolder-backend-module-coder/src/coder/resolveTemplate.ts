import { InputError, NotFoundError } from '@backstage/errors';
import type { CoderBackendClient } from './CoderBackendClient';
import type { CoderTemplate } from './wire';

/** What to look for, and who is looking (for messages). */
export interface TemplateQuery {
  name: string;
  organization?: string;
  username: string;
}

/**
 * The one usable template with this name. Template names are unique only within an
 * organization, so several matches need the `organization` input. A deprecated
 * template gets its own message, because Coder hides it from the list and would
 * otherwise refuse the create with a 400 (CONTRACT.md, corrections).
 */
export async function resolveTemplate(
  client: CoderBackendClient,
  query: TemplateQuery,
): Promise<CoderTemplate> {
  const where = query.organization
    ? ` in organization "${query.organization}"`
    : '';
  const templates = await client.findTemplates(query);
  if (templates.length === 1) return templates[0];
  if (templates.length > 1) {
    const organizations = templates
      .map(template => `"${template.organization_name}"`)
      .join(', ');
    throw new InputError(
      `Several Coder organizations have a template named "${query.name}": ${organizations}. Set the action's "organization" input to one of them.`,
    );
  }
  const deprecated = await client.findTemplates({ ...query, deprecated: true });
  if (deprecated.length > 0) {
    const message = deprecated[0].deprecation_message;
    throw new InputError(
      `Coder template "${query.name}"${where} is deprecated and cannot be used to create workspaces${message ? `: ${message}` : '.'}`,
    );
  }
  throw new NotFoundError(
    `No Coder template named "${query.name}"${where} is visible to Coder user "${query.username}". Check the name, and that this user may use the template.`,
  );
}
