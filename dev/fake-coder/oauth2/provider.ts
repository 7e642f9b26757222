import { randomBytes, randomUUID } from 'node:crypto';
import { Micros, MICROS_PER_SECOND, nowMicros } from '../clock';
import { randomAlphanumeric } from '../ids';
import type { Store } from '../store';
import { DEV_OAUTH_APP, DEV_OAUTH_APP_SECRET_ID } from './devApp';
import type {
  OAuth2AppRecord,
  OAuth2CodeRecord,
  OAuth2SecretRecord,
  OAuth2TokenPair,
  RevokedBy,
} from './records';
import { generateSecret, parseFormattedSecret } from './secrets';
import type { OAuth2Settings } from './settings';

/** How long a refresh token lives: Coder falls back to the session duration. */
const REFRESH_TOKEN_LIFETIME = 24 * 60 * 60 * MICROS_PER_SECOND;

/**
 * The OAuth2 provider of one fake deployment: its settings, apps, secrets,
 * authorization codes and issued token pairs. Access tokens are ordinary API
 * keys in the deployment's Store, so the rest of the fake authenticates them
 * like any other; deleting the key is what revokes a pair, as in Coder, where
 * the refresh-token row cascades from its API key.
 */
export class OAuth2Provider {
  settings: OAuth2Settings;
  readonly apps = new Map<string, OAuth2AppRecord>();
  readonly secrets = new Map<string, OAuth2SecretRecord>();
  /** Authorization codes by prefix. */
  readonly codes = new Map<string, OAuth2CodeRecord>();
  /** Every pair ever issued, oldest first, so the admin API can show history. */
  pairs: OAuth2TokenPair[] = [];
  /** Keys the CSRF tokens; fixed for the deployment's life. */
  readonly csrfKey = randomBytes(32);

  constructor(
    private readonly startup: OAuth2Settings,
    private readonly store: () => Store,
  ) {
    this.settings = { ...startup };
    this.reset();
  }

  /** Back to the start-up settings with only the dev app registered. */
  reset(): void {
    this.settings = { ...this.startup };
    this.apps.clear();
    this.secrets.clear();
    this.codes.clear();
    this.pairs = [];
    const now = nowMicros();
    this.apps.set(DEV_OAUTH_APP.clientId, {
      id: DEV_OAUTH_APP.clientId,
      name: DEV_OAUTH_APP.name,
      icon: '',
      callbackUrl: this.settings.callbackUrl,
      createdAt: now,
      updatedAt: now,
      clientType: 'confidential',
    });
    const parsed = parseFormattedSecret(DEV_OAUTH_APP.clientSecret)!;
    this.secrets.set(DEV_OAUTH_APP_SECRET_ID, {
      id: DEV_OAUTH_APP_SECRET_ID,
      appId: DEV_OAUTH_APP.clientId,
      prefix: parsed.prefix,
      secret: parsed.secret,
      formatted: parsed.formatted,
      createdAt: now,
    });
  }

  addSecret(appId: string, now: Micros): OAuth2SecretRecord {
    const generated = generateSecret();
    const record: OAuth2SecretRecord = {
      id: randomUUID(),
      appId,
      prefix: generated.prefix,
      secret: generated.secret,
      formatted: generated.formatted,
      createdAt: now,
    };
    this.secrets.set(record.id, record);
    return record;
  }

  secretsOf(appId: string): OAuth2SecretRecord[] {
    return [...this.secrets.values()].filter(secret => secret.appId === appId);
  }

  findSecretByPrefix(prefix: string): OAuth2SecretRecord | undefined {
    for (const secret of this.secrets.values())
      if (secret.prefix === prefix) return secret;
    return undefined;
  }

  /** Live = not revoked here and its API key still exists in the Store. */
  isLive(pair: OAuth2TokenPair): boolean {
    return (
      pair.revokedBy === undefined && this.store().tokens.has(pair.apiKeyId)
    );
  }

  livePairs(): OAuth2TokenPair[] {
    return this.pairs.filter(pair => this.isLive(pair));
  }

  revokePair(pair: OAuth2TokenPair, reason: RevokedBy): void {
    pair.revokedBy ??= reason;
    this.store().tokens.delete(pair.apiKeyId);
  }

  revokeWhere(
    matches: (pair: OAuth2TokenPair) => boolean,
    reason: RevokedBy,
  ): void {
    for (const pair of this.livePairs())
      if (matches(pair)) this.revokePair(pair, reason);
  }

  /**
   * Mints an API key and a refresh token for the user. Coder names the key
   * `<user>_<app>_oauth_session_token` and deletes any key of that name
   * first, so a user holds one pair per app: the previous one dies.
   */
  issuePair(input: {
    app: OAuth2AppRecord;
    userId: string;
    secretId: string;
    audience?: string;
    now: Micros;
  }): OAuth2TokenPair {
    const { app, userId, now } = input;
    this.revokeWhere(
      pair => pair.appId === app.id && pair.userId === userId,
      'replaced',
    );
    const apiKeyId = randomAlphanumeric(10);
    const apiKeySecret = randomAlphanumeric(22);
    const accessExpiresAt =
      now + this.settings.accessTokenLifetimeSeconds * MICROS_PER_SECOND;
    this.store().tokens.set(apiKeyId, {
      id: apiKeyId,
      secret: apiKeySecret,
      userId,
      expiresAt: accessExpiresAt,
    });
    const refresh = generateSecret();
    const pair: OAuth2TokenPair = {
      id: randomUUID(),
      appId: app.id,
      userId,
      secretId: input.secretId,
      apiKeyId,
      accessToken: `${apiKeyId}-${apiKeySecret}`,
      accessExpiresAt,
      refreshPrefix: refresh.prefix,
      refreshSecret: refresh.secret,
      refreshToken: refresh.formatted,
      refreshExpiresAt: now + REFRESH_TOKEN_LIFETIME,
      audience: input.audience,
      createdAt: now,
    };
    this.pairs.push(pair);
    return pair;
  }

  /** Admin: every live access token expires now; refresh tokens keep working. */
  expireAccessTokens(now: Micros): number {
    const live = this.livePairs();
    for (const pair of live) {
      const key = this.store().tokens.get(pair.apiKeyId);
      if (key) key.expiresAt = now;
      pair.accessExpiresAt = now;
    }
    return live.length;
  }

  /** Deleting an app cascades to its secrets, codes and tokens. */
  deleteApp(appId: string): void {
    this.revokeWhere(pair => pair.appId === appId, 'revoke');
    for (const secret of this.secretsOf(appId)) this.secrets.delete(secret.id);
    for (const [prefix, code] of this.codes)
      if (code.appId === appId) this.codes.delete(prefix);
    this.apps.delete(appId);
  }

  /** Deleting a secret cascades to the tokens issued with it. */
  deleteSecret(secretId: string): void {
    this.revokeWhere(pair => pair.secretId === secretId, 'revoke');
    this.secrets.delete(secretId);
  }
}
