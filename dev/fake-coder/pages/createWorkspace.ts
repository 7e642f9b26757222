import { byDisplayOrder } from '../parameterOrder';
import type { TemplateVersionParameterRecord } from '../records';
import { backToBackstage } from './backLink';
import { markup, notFoundPage, PageResult, renderPage, SafeHtml } from './html';
import type { PageRequest } from './request';

/**
 * GET /templates/{name}/workspace and /templates/{organization}/{name}/workspace:
 * Coder's create-workspace page, where the plugin's "open Coder's form" link
 * lands with `mode`, `name` and `param.<name>=<value>`. The fake has no form;
 * it shows what the link carried and which template parameters it fills,
 * which is what a developer checking the link wants to see.
 */

const PARAM_PREFIX = 'param.';

/** What Coder's create page does with one query parameter. */
function meaning(
  key: string,
  parameters: TemplateVersionParameterRecord[],
): SafeHtml {
  if (key.startsWith(PARAM_PREFIX)) {
    const name = key.slice(PARAM_PREFIX.length);
    return parameters.some(parameter => parameter.name === name)
      ? markup`fills parameter <code>${name}</code>`
      : markup`<span class="error">no parameter <code>${name}</code> in this template; Coder ignores it</span>`;
  }
  switch (key) {
    case 'mode':
      return markup`<code>auto</code> creates the workspace at once (after asking); any other value shows the form`;
    case 'name':
      return markup`the workspace name the form starts with`;
    case 'version':
      return markup`a template version id to use instead of the active one`;
    default:
      return markup`<span class="muted">not read by Coder's create page</span>`;
  }
}

function queryTable(
  url: URL,
  parameters: TemplateVersionParameterRecord[],
): SafeHtml {
  const entries = [...url.searchParams];
  if (entries.length === 0)
    return markup`<p class="muted">The link carried no query parameters.</p>`;
  const rows = entries.map(
    ([key, value]) =>
      markup`<tr><th scope="row"><code>${key}</code></th><td><code>${value}</code></td><td>${meaning(key, parameters)}</td></tr>`,
  );
  return markup`<table>
<thead><tr><th scope="col">Query parameter</th><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function filledCell(
  parameter: TemplateVersionParameterRecord,
  value: string | null,
): SafeHtml {
  if (value === null) {
    return parameter.required && parameter.defaultValue === ''
      ? markup`<span class="muted">not filled; required, so the form asks</span>`
      : markup`<span class="muted">not filled; the default applies</span>`;
  }
  return markup`<strong>filled by the link:</strong> <code>${value}</code>${problem(parameter, value)}`;
}

/** A hint when the link's value would fail the form's own checks. */
function problem(
  parameter: TemplateVersionParameterRecord,
  value: string,
): SafeHtml | false {
  const options = parameter.options.map(option => option.value);
  if (options.length > 0 && !options.includes(value))
    return markup` <span class="error">(not one of the options)</span>`;
  const { validationMin: min, validationMax: max } = parameter;
  if (parameter.type === 'number' && (min !== undefined || max !== undefined)) {
    const number = Number(value);
    if (
      value.trim() === '' ||
      Number.isNaN(number) ||
      (min !== undefined && number < min) ||
      (max !== undefined && number > max)
    )
      return markup` <span class="error">(outside ${min ?? '…'} to ${max ?? '…'})</span>`;
  }
  return false;
}

function parameterRow(
  url: URL,
  parameter: TemplateVersionParameterRecord,
): SafeHtml {
  // Coder's create page reads the first `param.<name>` value.
  const value = url.searchParams.get(`${PARAM_PREFIX}${parameter.name}`);
  const options = parameter.options.map(option => option.value);
  const defaultValue =
    parameter.defaultValue === ''
      ? markup`<span class="muted">none</span>`
      : markup`<code>${parameter.defaultValue}</code>`;
  return markup`<tr${value !== null && markup` data-filled="true"`}>
<th scope="row"><code>${parameter.name}</code><br><span class="muted">${parameter.displayName}</span></th>
<td>${parameter.type}${parameter.required && ', required'}${options.length > 0 && markup`<br><span class="muted">options: ${options.join(', ')}</span>`}</td>
<td>${defaultValue}</td>
<td>${filledCell(parameter, value)}</td>
</tr>`;
}

function parameterTable(
  url: URL,
  parameters: TemplateVersionParameterRecord[],
): SafeHtml {
  if (parameters.length === 0)
    return markup`<p class="muted">This template has no parameters.</p>`;
  const rows = byDisplayOrder(parameters).map(parameter =>
    parameterRow(url, parameter),
  );
  return markup`<table>
<thead><tr><th scope="col">Parameter</th><th scope="col">Type</th><th scope="col">Default</th><th scope="col">From the link</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

/** The create page, or a 404 page for an unknown organization or template. */
export function createWorkspacePage(page: PageRequest): PageResult {
  const { store } = page.deployment;
  const { organization: organizationName, template: templateName } =
    page.params;
  const organization =
    organizationName === undefined
      ? store.defaultOrganization()
      : store.findOrganization(organizationName);
  const template =
    organization && store.findTemplateByName(organization.id, templateName);
  if (!organization || !template) {
    const where =
      organizationName !== undefined &&
      markup` in organization <code>${organizationName}</code>`;
    return notFoundPage(
      page.banner,
      'Template not found',
      markup`There is no template <code>${templateName}</code>${where} in this fake Coder.`,
    );
  }
  const version = store.templateVersions.get(template.activeVersionId);
  const parameters = version?.parameters ?? [];
  const title = template.displayName || template.name;
  const deprecated =
    template.deprecationMessage !== '' &&
    markup`<p class="error" role="alert">Deprecated: ${template.deprecationMessage} Coder refuses new workspaces from it.</p>`;
  return {
    status: 200,
    html: renderPage({
      title: `New workspace from ${title}`,
      heading: `Create a workspace from ${title}`,
      viewer: page.banner,
      body: markup`<section aria-label="Template">
<p>${template.description}</p>
<p class="muted">Template <code>${template.name}</code> in organization <code>${organization.name}</code>, active version ${version?.name}.</p>
${deprecated}
</section>
<p>This fake has no create form: create the workspace from the Backstage card, or open the same link on a real Coder.</p>
${backToBackstage(page.request)}
<section aria-labelledby="query">
<h2 id="query">What the link carried</h2>
${queryTable(page.url, parameters)}
</section>
<section aria-labelledby="parameters">
<h2 id="parameters">Template parameters</h2>
${parameterTable(page.url, parameters)}
</section>`,
    }),
  };
}
