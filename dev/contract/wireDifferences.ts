import type { SwaggerParameter, SwaggerSchema } from './swaggerDocument';

/*
 * Where Coder's wire format departs from its generated swagger, and why.
 *
 * Swagger 2.0 has no `nullable`, swaggo misrenders some Go types, and a few
 * handler annotations are simply wrong. Validating the fake Coder or the
 * plugin's client against swagger as-is would reject what real Coder sends, so
 * every departure is listed here, once, with its source. The validator applies
 * nothing that is not in this list.
 *
 * Sources: `shared/coder-api/CONTRACT.md` (coder/coder @c9a1e2bc), cited as
 * "§n". Entries marked "not in CONTRACT §11" were found while checking §11
 * against swagger.json; each says where the evidence comes from.
 *
 * Property names in entries are wire names: `nullable` and `omittedWhenEmpty`
 * entries for a renamed definition use the renamed keys.
 */

/** An HTTP method as swagger spells it (lower case). */
export type SwaggerMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A field that is sent as JSON `null` when unset; swagger cannot say so. */
export interface NullableDifference {
  kind: 'nullable';
  definition: string;
  properties: string[];
  reason: string;
}

/** Fields Go drops with `omitempty`; everything else in a response is required. */
export interface OmittedWhenEmptyDifference {
  kind: 'omittedWhenEmpty';
  definition: string;
  properties: string[];
  reason: string;
}

/** A definition whose wire shape has nothing in common with swagger's. */
export interface ReplacedDefinitionDifference {
  kind: 'replacedDefinition';
  definition: string;
  schema: SwaggerSchema;
  reason: string;
}

/** Keys that differ on the wire; maps swagger's name to the wire name. */
export interface RenamedPropertiesDifference {
  kind: 'renamedProperties';
  definition: string;
  renames: Record<string, string>;
  reason: string;
}

/** One property whose swagger schema is wrong; replaced wholesale. */
export interface PropertySchemaDifference {
  kind: 'propertySchema';
  definition: string;
  property: string;
  schema: SwaggerSchema;
  reason: string;
}

/** A property-level `enum` narrower than what the wire carries; the referenced enum definition still applies. */
export interface WidenedEnumDifference {
  kind: 'widenedEnum';
  definition: string;
  property: string;
  reason: string;
}

/** A property the wire may carry that swagger does not declare; always optional. */
export interface ExtraPropertyDifference {
  kind: 'extraProperty';
  definition: string;
  property: string;
  schema: SwaggerSchema;
  reason: string;
}

/** A success status swagger gets wrong, or an error status worth pinning. */
export interface ResponseStatusDifference {
  kind: 'responseStatus';
  method: SwaggerMethod;
  path: string;
  /** Statuses swagger declares that the wire never uses. */
  removeStatuses: string[];
  status: string;
  /** `undefined` for a bodiless response. */
  schema: SwaggerSchema | undefined;
  reason: string;
}

/** A parameter the server reads that swagger omits. */
export interface AddedParameterDifference {
  kind: 'addedParameter';
  methods: SwaggerMethod[];
  path: string;
  parameter: SwaggerParameter;
  reason: string;
}

/** A parameter swagger marks required that the server treats as optional. */
export interface OptionalParameterDifference {
  kind: 'optionalParameter';
  methods: SwaggerMethod[];
  path: string;
  name: string;
  reason: string;
}

/** A parameter whose swagger enum lists values the server rejects. */
export interface RestrictedParameterEnumDifference {
  kind: 'restrictedParameterEnum';
  methods: SwaggerMethod[];
  path: string;
  name: string;
  enum: string[];
  reason: string;
}

/**
 * How a path parameter is resolved, by name, in every operation. `uuid` means
 * the server rejects anything else with 400; `any` means it also accepts names
 * or aliases such as `me` and `default`.
 */
export interface PathParameterFormatDifference {
  kind: 'pathParameterFormat';
  name: string;
  format: 'uuid' | 'any';
  reason: string;
}

/** The body of an error status that swagger does not declare, by path prefix. */
export interface ErrorShapeDifference {
  kind: 'errorShape';
  pathPrefix: string;
  schema: SwaggerSchema;
  /** Accepted instead of `schema` for these statuses (answers from middleware). */
  alternative?: { statuses: number[]; schema: SwaggerSchema };
  reason: string;
}

/** One documented departure of the wire from swagger. */
export type WireDifference =
  | NullableDifference
  | OmittedWhenEmptyDifference
  | ReplacedDefinitionDifference
  | RenamedPropertiesDifference
  | PropertySchemaDifference
  | WidenedEnumDifference
  | ExtraPropertyDifference
  | ResponseStatusDifference
  | AddedParameterDifference
  | OptionalParameterDifference
  | RestrictedParameterEnumDifference
  | PathParameterFormatDifference
  | ErrorShapeDifference;

const CODER_RESPONSE: SwaggerSchema = {
  $ref: '#/definitions/codersdk.Response',
};

/**
 * The OAuth2 protocol error body (RFC 6749 §5.2) written by
 * `httpapi.WriteOAuth2Error`. Swagger has no definition for it.
 */
export const OAUTH2_ERROR_SCHEMA: SwaggerSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    error_description: { type: 'string' },
    error_uri: { type: 'string' },
  },
  required: ['error'],
  additionalProperties: false,
};

/** Every known departure of Coder's wire format from swagger.json. */
export const WIRE_DIFFERENCES: readonly WireDifference[] = [
  // ---- Fields that can be JSON null (§11 "Fields that can be JSON null") ----
  {
    kind: 'nullable',
    definition: 'codersdk.Workspace',
    properties: [
      'latest_app_status',
      'deleting_at',
      'dormant_at',
      'next_start_at',
    ],
    reason: '§11: Go pointers without omitempty, sent as null when unset.',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.Workspace',
    properties: ['task_id'],
    reason:
      '§11: uuid.NullUUID, a UUID string or null (see the uuid.NullUUID entry).',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.WorkspaceBuild',
    properties: ['deadline', 'max_deadline'],
    reason:
      '§11: codersdk.NullTime; omitempty does not omit structs, so always sent, null when unset (workspacebuilds.go:1513-1514).',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.WorkspaceBuild',
    properties: ['template_version_preset_id'],
    reason: '§11: a Go pointer without omitempty.',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.WorkspaceAgent',
    properties: ['parent_id'],
    reason:
      '§11: uuid.NullUUID, null for top-level agents (see the uuid.NullUUID entry).',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.OAuth2ProviderAppSecret',
    properties: ['last_used_at'],
    reason: '§11 and §7: null until the secret is first used.',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.TransitionStats',
    properties: ['P50', 'P95'],
    reason: '§11: *int64 without json tags; null when there are no builds.',
  },
  {
    kind: 'nullable',
    definition: 'codersdk.Preset',
    properties: ['DesiredPrebuildInstances'],
    reason: '§11: a Go pointer without json tags.',
  },

  // ---- Wrong shapes or key names (§11 "Wrong shapes or key names") ----
  {
    kind: 'replacedDefinition',
    definition: 'uuid.NullUUID',
    schema: { type: ['string', 'null'], format: 'uuid' },
    reason:
      '§11: swagger renders uuid.NullUUID as an object {uuid, valid}; its MarshalJSON sends a UUID string or null. Replaced for every user (Workspace.task_id, WorkspaceAgent.parent_id, and chat/devcontainer fields).',
  },
  {
    kind: 'renamedProperties',
    definition: 'codersdk.TransitionStats',
    renames: { p50: 'P50', p95: 'P95' },
    reason:
      '§11: the Go struct has no json tags, so keys are the Go field names.',
  },
  {
    kind: 'renamedProperties',
    definition: 'codersdk.Preset',
    renames: {
      id: 'ID',
      name: 'Name',
      parameters: 'Parameters',
      default: 'Default',
      desiredPrebuildInstances: 'DesiredPrebuildInstances',
      description: 'Description',
      icon: 'Icon',
    },
    reason: '§11: the Go struct has no json tags; keys are PascalCase.',
  },
  {
    kind: 'renamedProperties',
    definition: 'codersdk.PresetParameter',
    renames: { name: 'Name', value: 'Value' },
    reason: '§11: the Go struct has no json tags; keys are PascalCase.',
  },

  // ---- Omitted when empty, never null (§11 "Omitted-when-empty fields") ----
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.Workspace',
    properties: ['autostart_schedule', 'ttl_ms', 'shared_with'],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.WorkspaceBuild',
    properties: [
      'workspace_owner_avatar_url',
      'matched_provisioners',
      'has_ai_task',
      'has_external_agent',
    ],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.ProvisionerJob',
    properties: [
      'started_at',
      'completed_at',
      'canceled_at',
      'error',
      'error_code',
      'worker_id',
      'worker_name',
      'available_workers',
    ],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.WorkspaceResource',
    properties: ['agents', 'metadata'],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.WorkspaceAgent',
    properties: [
      'first_connected_at',
      'last_connected_at',
      'disconnected_at',
      'started_at',
      'ready_at',
      'instance_id',
      'directory',
      'expanded_directory',
      'latency',
      'metadata',
    ],
    reason: '§11: omitempty ("*_at timestamps" spelled out from §3).',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.WorkspaceApp',
    properties: [
      'url',
      'display_name',
      'command',
      'icon',
      'subdomain_name',
      'group',
      'tooltip',
    ],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.User',
    properties: [
      'name',
      'avatar_url',
      'is_service_account',
      'theme_preference',
    ],
    reason: '§11: omitempty.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.Response',
    properties: ['detail', 'validations'],
    reason: '§11 and §10: omitempty.',
  },
  // Not in CONTRACT §11; §3's field lists mark these with `?`.
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.TemplateVersionParameter',
    properties: [
      'display_name',
      'validation_error',
      'validation_regex',
      'validation_min',
      'validation_max',
      'validation_monotonic',
    ],
    reason: '§3 (TemplateVersionParameter, "Omitted when empty"); not in §11.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.BuildInfoResponse',
    properties: ['webpush_public_key'],
    reason: '§3 lists `webpush_public_key?`; not in §11.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.WorkspaceAgentHealth',
    properties: ['reason'],
    reason: '§3 lists WorkspaceAgent `health {healthy, reason?}`; not in §11.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.ProvisionerJobInput',
    properties: ['template_version_id', 'workspace_build_id', 'error'],
    reason:
      '§3 lists ProvisionerJob `input {template_version_id?, workspace_build_id?, error?}`; not in §11.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.ProvisionerJobMetadata',
    properties: [
      'workspace_id',
      'workspace_name',
      'workspace_build_transition',
    ],
    reason:
      '§3 lists ProvisionerJob `metadata {…, workspace_id?, workspace_name?, workspace_build_transition?}`; not in §11.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.SlimRole',
    properties: ['organization_id'],
    reason:
      'Not in CONTRACT (§3 lists `roles[] {name, display_name, organization_id}` without marking it): codersdk/roles.go tags SlimRole.OrganizationID `json:"organization_id,omitempty"`, and coder/coder site/src/api/typesGenerated.ts (@001be27b) generates `organization_id?: string`, so site-wide roles such as `owner` carry no key (read from copies in the search index, not the pinned commit).',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.OAuth2ClientRegistrationResponse',
    properties: [
      'client_secret',
      'client_secret_expires_at',
      'redirect_uris',
      'client_name',
      'client_uri',
      'logo_uri',
      'tos_uri',
      'policy_uri',
      'jwks_uri',
      'jwks',
      'software_id',
      'software_version',
      'scope',
      'contacts',
    ],
    reason:
      '§7 (/oauth2/register): `client_secret` is absent for public clients (`none`); not in §11. The rest is not in CONTRACT: codersdk/oauth2.go tags these `omitempty` (read from coder/coder copies in the search index, not the pinned commit), so `client_secret_expires_at: 0` ("never", which §7 lists) is not sent at all, nor are unset URIs, scope or contacts.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.OAuth2ClientConfiguration',
    properties: [
      'client_secret_expires_at',
      'redirect_uris',
      'client_name',
      'client_uri',
      'logo_uri',
      'tos_uri',
      'policy_uri',
      'jwks_uri',
      'jwks',
      'software_id',
      'software_version',
      'scope',
      'contacts',
      'registration_access_token',
    ],
    reason:
      'Not in CONTRACT: codersdk/oauth2.go tags these `omitempty` (read from coder/coder copies in the search index, not the pinned commit); RFC 7592 reads leave the registration access token empty (registration.go GetClientConfiguration), so it is not sent.',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.OAuth2AuthorizationServerMetadata',
    properties: ['registration_endpoint'],
    reason:
      '§7 (Discovery): `registration_endpoint` only when dynamic client registration is enabled; the field is `omitempty` (codersdk/oauth2.go).',
  },
  {
    kind: 'omittedWhenEmpty',
    definition: 'codersdk.TemplateVersion',
    properties: ['template_id', 'warnings', 'matched_provisioners'],
    reason:
      'Not in CONTRACT: codersdk/templateversions.go tags these `omitempty` (read from a coder/coder copy in the search index, not the pinned commit).',
  },

  // ---- Enums swaggo narrows with an `enums:` struct tag (not in CONTRACT §11) ----
  {
    kind: 'widenedEnum',
    definition: 'codersdk.WorkspaceBuild',
    property: 'reason',
    reason:
      'Not in §11: the `enums:"initiator,autostart,autostop"` tag predates newer reasons; builds requested with `reason: "dashboard"` (§3) carry it back, and codersdk.BuildReason lists all 12 (§4).',
  },
  {
    kind: 'widenedEnum',
    definition: 'codersdk.User',
    property: 'status',
    reason:
      'Not in §11: swagger lists active|suspended, but §3 gives `active|dormant|suspended` and codersdk.UserStatus includes dormant.',
  },
  {
    kind: 'widenedEnum',
    definition: 'codersdk.ProvisionerJob',
    property: 'status',
    reason:
      'Not in §11: the property enum omits `unknown`, which codersdk.ProvisionerJobStatus (§4) includes.',
  },

  // ---- Single properties swagger types wrongly (not in CONTRACT §11) ----
  {
    kind: 'propertySchema',
    definition: 'codersdk.Template',
    property: 'organization_name',
    schema: { type: 'string' },
    reason:
      'Not in §11: swagger says `format: url`, but it is an organization name such as "coder" (§3 Template).',
  },
  {
    kind: 'propertySchema',
    definition: 'codersdk.CreateWorkspaceBuildRequest',
    property: 'state',
    schema: { type: 'string', contentEncoding: 'base64' },
    reason:
      'Not in §11: `state` is a Go []byte (§3), which encoding/json sends as a base64 string, not the integer array swagger shows.',
  },
  {
    kind: 'extraProperty',
    definition: 'oauth2.Token',
    property: 'scope',
    schema: { type: 'string' },
    reason:
      'Not in §11: §7 gives the token response as `{access_token, token_type, expires_in, refresh_token, expiry, scope?}`; swagger reuses golang.org/x/oauth2.Token, which has no `scope`.',
  },

  // ---- Status codes (§11 "Status-code and parameter mismatches") ----
  {
    kind: 'responseStatus',
    method: 'post',
    path: '/api/v2/oauth2-provider/apps',
    removeStatuses: ['200'],
    status: '201',
    schema: { $ref: '#/definitions/codersdk.OAuth2ProviderApp' },
    reason: '§11 and §7: returns 201; swagger says 200.',
  },
  {
    kind: 'responseStatus',
    method: 'post',
    path: '/api/v2/oauth2-provider/apps/{app}/secrets',
    removeStatuses: ['200'],
    status: '201',
    schema: { $ref: '#/definitions/codersdk.OAuth2ProviderAppSecretFull' },
    reason:
      '§11 and §7: returns 201 with one object; swagger says a 200 array.',
  },
  {
    kind: 'responseStatus',
    method: 'get',
    path: '/api/v2/experiments/available',
    removeStatuses: ['200'],
    status: '200',
    schema: {
      type: 'object',
      properties: {
        safe: {
          type: 'array',
          items: { $ref: '#/definitions/codersdk.Experiment' },
        },
      },
      required: ['safe'],
      additionalProperties: false,
    },
    reason:
      'Not in CONTRACT: coderd/experiments.go handleExperimentsSafe writes codersdk.AvailableExperiments `{safe: []Experiment}` while its annotation says `{array} codersdk.Experiment` (read from a coder/coder copy in the search index, not the pinned commit).',
  },
  {
    kind: 'responseStatus',
    method: 'get',
    path: '/oauth2/authorize',
    removeStatuses: [],
    status: '303',
    schema: undefined,
    reason:
      '§7 (`/oauth2/authorize`): without a session it redirects to /login; httpmw.RedirectToLogin uses 303 See Other with `?message=…&redirect=…` (apikey.go, read from a coder/coder copy in the search index).',
  },
  {
    kind: 'responseStatus',
    method: 'post',
    path: '/oauth2/authorize',
    removeStatuses: [],
    status: '303',
    schema: undefined,
    reason:
      '§7 (`/oauth2/authorize`): the POST sits behind the same login redirect as the GET (303, httpmw.RedirectToLogin).',
  },
  {
    kind: 'responseStatus',
    method: 'get',
    path: '/oauth2/authorize',
    removeStatuses: [],
    status: '302',
    schema: undefined,
    reason:
      '§7 (`/oauth2/authorize`): errors found once the callback is known (an unsupported code_challenge_method) redirect to it with `error=…&error_description=…&state=…`; authorize.go redirectAuthorizeError uses 302 (read from a coder/coder copy in the search index).',
  },
  {
    kind: 'responseStatus',
    method: 'get',
    path: '/api/v2/workspaces/{workspace}',
    removeStatuses: [],
    status: '410',
    schema: CODER_RESPONSE,
    reason:
      '§11 and §10: a deleted workspace without include_deleted=true is 410 Gone (workspaces.go:93).',
  },

  // ---- Parameters (§11 "Status-code and parameter mismatches") ----
  {
    kind: 'addedParameter',
    methods: ['get'],
    path: '/api/v2/templates',
    parameter: { name: 'q', in: 'query', type: 'string' },
    reason: '§11 and §5: the template search query; swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['get'],
    path: '/api/v2/organizations/{organization}/templates',
    parameter: { name: 'q', in: 'query', type: 'string' },
    reason:
      '§11 and §5: same handler as /api/v2/templates (templates.go:546-620); swagger omits it.',
  },
  {
    kind: 'optionalParameter',
    methods: ['get', 'post'],
    path: '/oauth2/authorize',
    name: 'state',
    reason: '§11 and §7: swagger marks `state` required; it is optional.',
  },
  {
    kind: 'addedParameter',
    methods: ['get', 'post'],
    path: '/oauth2/authorize',
    parameter: { name: 'code_challenge', in: 'query', type: 'string' },
    reason:
      '§11 and §7: PKCE challenge, required for response_type=code by the handler; swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['get', 'post'],
    path: '/oauth2/authorize',
    parameter: {
      name: 'code_challenge_method',
      in: 'query',
      type: 'string',
      enum: ['S256'],
    },
    reason: '§11 and §7: optional, only S256; swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['get', 'post'],
    path: '/oauth2/authorize',
    parameter: { name: 'resource', in: 'query', type: 'string' },
    reason: '§11 and §7: RFC 8707 resource indicator; swagger omits it.',
  },
  {
    kind: 'restrictedParameterEnum',
    methods: ['get', 'post'],
    path: '/oauth2/authorize',
    name: 'response_type',
    enum: ['code'],
    reason: '§11 and §7: `token` is listed but rejected.',
  },
  {
    kind: 'addedParameter',
    methods: ['post'],
    path: '/oauth2/tokens',
    parameter: { name: 'redirect_uri', in: 'formData', type: 'string' },
    reason: '§11 and §7: swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['post'],
    path: '/oauth2/tokens',
    parameter: { name: 'code_verifier', in: 'formData', type: 'string' },
    reason:
      '§11 and §7: PKCE verifier, required for authorization_code; swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['post'],
    path: '/oauth2/tokens',
    parameter: { name: 'resource', in: 'formData', type: 'string' },
    reason: '§11 and §7: swagger omits it.',
  },
  {
    kind: 'addedParameter',
    methods: ['post'],
    path: '/oauth2/tokens',
    parameter: { name: 'scope', in: 'formData', type: 'string' },
    reason: '§11: swagger omits it (the value is ignored, §7).',
  },
  {
    kind: 'restrictedParameterEnum',
    methods: ['post'],
    path: '/oauth2/tokens',
    name: 'grant_type',
    enum: ['authorization_code', 'refresh_token'],
    reason:
      'Not in §11: §7 says password, client_credentials and implicit return 400 unsupported_grant_type.',
  },

  // ---- Path parameters (§2 "`me` and path-parameter resolution") ----
  {
    kind: 'pathParameterFormat',
    name: 'workspace',
    format: 'uuid',
    reason: '§2: must be a UUID, else 400 `Invalid UUID`.',
  },
  {
    kind: 'pathParameterFormat',
    name: 'workspacebuild',
    format: 'uuid',
    reason:
      '§2: must be a UUID, else 400 `Invalid UUID`; swagger types it as a plain string in 6 operations.',
  },
  {
    kind: 'pathParameterFormat',
    name: 'template',
    format: 'uuid',
    reason: '§2: must be a UUID, else 400 `Invalid UUID`.',
  },
  {
    kind: 'pathParameterFormat',
    name: 'templateversion',
    format: 'uuid',
    reason: '§2: must be a UUID, else 400 `Invalid UUID`.',
  },
  {
    kind: 'pathParameterFormat',
    name: 'organization',
    format: 'any',
    reason:
      '§2: a UUID, an organization name or `default`; swagger says `format: uuid` in most operations.',
  },
  {
    kind: 'pathParameterFormat',
    name: 'user',
    format: 'any',
    reason:
      '§2: a UUID, a username or `me`; swagger says `format: uuid` on /users/{user}/quiet-hours.',
  },

  // ---- Error bodies swagger does not declare (§10) ----
  {
    kind: 'errorShape',
    pathPrefix: '/oauth2/register',
    schema: OAUTH2_ERROR_SCHEMA,
    alternative: { statuses: [400, 403], schema: CODER_RESPONSE },
    reason:
      'Not in CONTRACT: registration.go decodes the body with httpapi.Read, which answers an undecodable body 400 as codersdk.Response (`Request body must be valid JSON.`) before the RFC 7591 errors of §7; the experiment gate answers 403 as codersdk.Response (§7).',
  },
  {
    kind: 'errorShape',
    pathPrefix: '/oauth2/clients/',
    schema: OAUTH2_ERROR_SCHEMA,
    alternative: { statuses: [400, 403], schema: CODER_RESPONSE },
    reason:
      'Not in CONTRACT: PUT /oauth2/clients/{client_id} reads its body with httpapi.Read like registration (400 codersdk.Response for bad JSON); the experiment gate answers 403 as codersdk.Response (§7).',
  },
  {
    kind: 'errorShape',
    pathPrefix: '/oauth2/',
    schema: OAUTH2_ERROR_SCHEMA,
    alternative: { statuses: [401, 403], schema: CODER_RESPONSE },
    reason:
      '§10 and §7: OAuth2 protocol endpoints answer `{error, error_description?, error_uri?}`. Session and experiment middleware run first and answer 401/403 as codersdk.Response (§2, §7 "Experiment gate").',
  },
  {
    kind: 'errorShape',
    pathPrefix: '/',
    schema: CODER_RESPONSE,
    reason:
      '§10: every /api/v2 error is codersdk.Response; swagger mostly declares only 200/201.',
  },
];
