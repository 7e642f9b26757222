import { apiError } from '../errors';
import { fromSearchParams, QueryParamParser } from '../queryParams';

/** coderd/pagination.go ParsePagination. */
export function parsePagination(url: URL): {
  afterId?: string;
  limit: number;
  offset: number;
} {
  const parser = new QueryParamParser(fromSearchParams(url.searchParams));
  const page = {
    afterId: parser.uuid('after_id'),
    limit: parser.positiveInt32('limit'),
    offset: parser.positiveInt32('offset'),
  };
  if (parser.errors.length > 0) {
    throw apiError(
      400,
      'Query parameters have invalid values.',
      undefined,
      parser.errors,
    );
  }
  return page;
}
