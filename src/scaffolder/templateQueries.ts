import { queryOptions } from '@tanstack/react-query';
import type { CoderApi } from '../api/CoderApi';
import { coderQueryKeys } from '../queries/coderQueryKeys';

/*
 * The same keys the create dialog's useCoderQuery calls build (session, 'custom', …), so
 * the dialog, the field and its validation share one cache entry per session. Used with
 * useQuery in the field and fetchQuery in validation, which answers from that cache.
 */

/** The templates Coder offers the linked user (`GET /api/v2/templates`). */
export function templatesQueryOptions(api: CoderApi, sessionVersion: number) {
  return queryOptions({
    queryKey: [
      ...coderQueryKeys.session(sessionVersion),
      'custom',
      'templates',
    ],
    queryFn: ({ signal }) => api.getTemplates(undefined, { signal }),
    meta: { sessionVersion },
    staleTime: 60_000,
  });
}

/** The rich parameters of a template version, in Coder's order. */
export function templateParametersQueryOptions(
  api: CoderApi,
  sessionVersion: number,
  templateVersionId: string,
) {
  return queryOptions({
    queryKey: [
      ...coderQueryKeys.session(sessionVersion),
      'custom',
      'template-version-parameters',
      templateVersionId,
    ],
    queryFn: ({ signal }) =>
      api.getTemplateVersionParameters(templateVersionId, { signal }),
    meta: { sessionVersion },
    staleTime: 60_000,
  });
}
