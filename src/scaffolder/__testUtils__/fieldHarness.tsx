import { useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  SecretsContextProvider,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import { createAsyncValidators } from '@backstage/plugin-scaffolder-react/alpha';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { CoderTemplate, CoderTemplateParameter } from '../../api/types';
import {
  TEMPLATE,
  parameter,
} from '../../components/CreateWorkspaceDialog/__testUtils__/dialogHarness';
import {
  coderTestApis,
  TEST_PROXY_URL,
  TEST_TOKEN,
} from '../../testUtils/coderTestApis';
import { userFixture } from '../../testUtils/workspaceFixtures';
import { CoderWorkspaceTemplateField } from '../CoderWorkspaceTemplateField';
import type {
  CoderWorkspaceTemplateUiOptions,
  CoderWorkspaceTemplateValue,
} from '../CoderWorkspaceTemplateValue';
import { validateCoderWorkspaceTemplate } from '../validateCoderWorkspaceTemplate';

export { parameter };

let templateCount = 0;

/** A template in Coder's wire format, with its own id and active version. */
export function templateFixture(
  name: string,
  fields: Partial<CoderTemplate> = {},
): CoderTemplate {
  templateCount += 1;
  const suffix = String(templateCount).padStart(12, '0');
  return {
    ...TEMPLATE,
    id: `c0de0002-0000-4000-8000-${suffix}`,
    active_version_id: `c0de0003-0000-4000-8000-${suffix}`,
    name,
    display_name: '',
    description: '',
    ...fields,
  };
}

/** Serves `templates`, each version with its parameters (none unless given). */
export function serveTemplates(
  server: SetupServer,
  templates: CoderTemplate[],
  parameters: Record<string, CoderTemplateParameter[]> = {},
) {
  server.use(
    http.get(`${TEST_PROXY_URL}/api/v2/users/me`, () =>
      HttpResponse.json(userFixture()),
    ),
    http.get(`${TEST_PROXY_URL}/api/v2/templates`, () =>
      HttpResponse.json(templates),
    ),
    http.get(
      `${TEST_PROXY_URL}/api/v2/templateversions/:id/rich-parameters`,
      ({ params }) => {
        const template = templates.find(
          candidate => candidate.active_version_id === params.id,
        );
        return HttpResponse.json(
          template ? (parameters[template.name] ?? []) : [],
        );
      },
    ),
  );
}

/** What the harness saw: every value the field wrote, and the task's secrets. */
export interface FieldRecord {
  values: Array<CoderWorkspaceTemplateValue | undefined>;
  secrets: Record<string, string>;
  /** The last value written. */
  readonly value: CoderWorkspaceTemplateValue | undefined;
}

interface HostProps {
  options: CoderWorkspaceTemplateUiOptions;
  /** The other fields of the scaffolder's form. */
  otherFields: Record<string, unknown>;
  /** Their schema, as the step's root schema. */
  otherSchema: Record<string, unknown>;
  record: FieldRecord;
}

/**
 * The field as the scaffolder's form hosts it: its value held above it, the whole
 * form's data in `formContext.formData`, and a "Next" button that validates the step
 * with the scaffolder's own validator runner and hands the field's errors back as
 * `rawErrors`, listing them as the form does.
 */
function Host(props: HostProps) {
  const { options, otherFields, otherSchema, record } = props;
  const apiHolder = useApiHolder();
  const [value, setValue] = useState<CoderWorkspaceTemplateValue>();
  const [errors, setErrors] = useState<string[]>();
  // As the form keeps it: a field that never wrote a value has no key.
  const formData: Record<string, unknown> = {
    ...otherFields,
    ...(value !== undefined && { coder: value }),
  };
  const next = async () => {
    const validate = createAsyncValidators(
      {
        type: 'object',
        properties: {
          ...otherSchema,
          coder: {
            title: 'Workspace',
            type: 'object',
            'ui:field': 'CoderWorkspaceTemplate',
            'ui:options': options,
          },
        },
      },
      { CoderWorkspaceTemplate: validateCoderWorkspaceTemplate as any },
      { apiHolder },
    );
    const result = await validate(formData as any);
    setErrors((result.coder as any)?.__errors ?? []);
  };
  return (
    <>
      <CoderWorkspaceTemplateField
        {...({} as any)}
        name="coder"
        formData={value}
        onChange={(nextValue: CoderWorkspaceTemplateValue | undefined) => {
          record.values.push(nextValue);
          setValue(nextValue);
        }}
        schema={{ title: 'Workspace', type: 'object' }}
        uiSchema={{ 'ui:options': options }}
        idSchema={{ $id: 'root_coder' } as any}
        formContext={{ formData }}
        registry={{ rootSchema: { properties: otherSchema } } as any}
        rawErrors={errors ?? []}
      />
      <button type="button" onClick={next}>
        Next
      </button>
      {errors && (
        <ul aria-label="Errors">
          {errors.map(error => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Copies the task's secrets into the record; never renders them. */
function SecretsProbe(props: { record: FieldRecord }) {
  props.record.secrets = useTemplateSecrets().secrets;
  return null;
}

/** Renders the field inside a scaffolder-like host, linked unless `linked: false`. */
export async function renderField(
  options: {
    uiOptions?: CoderWorkspaceTemplateUiOptions;
    linked?: boolean;
    otherFields?: Record<string, unknown>;
    otherSchema?: Record<string, unknown>;
    /** Called when the scaffolder's own form (around the field) is submitted. */
    onFormSubmit?: () => void;
  } = {},
) {
  const { apis, tokenStore } = coderTestApis({
    token: options.linked === false ? undefined : TEST_TOKEN,
  });
  const record: FieldRecord = {
    values: [],
    secrets: {},
    get value() {
      return this.values[this.values.length - 1];
    },
  };
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <SecretsContextProvider>
        {/* As in the scaffolder, the field lives inside the step's <form>. */}
        <form
          aria-label="Template step"
          onSubmit={event => {
            event.preventDefault();
            options.onFormSubmit?.();
          }}
        >
          <Host
            options={options.uiOptions ?? {}}
            otherFields={options.otherFields ?? {}}
            otherSchema={options.otherSchema ?? {}}
            record={record}
          />
        </form>
        <SecretsProbe record={record} />
      </SecretsContextProvider>
    </TestApiProvider>,
  );
  return { record, tokenStore };
}
