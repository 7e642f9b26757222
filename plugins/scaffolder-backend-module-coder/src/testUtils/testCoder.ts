import { ConfigReader } from '@backstage/config';
import {
  FakeCoder,
  FakeCoderOptions,
  startFakeCoder,
} from '../../../../dev/fake-coder/server';

/**
 * The repository's fake Coder (dev/fake-coder, which follows Coder's source) on a
 * random port, with its admin API for the tests: request log, faults, lookups.
 */
export interface TestCoder {
  fake: FakeCoder;
  url: string;
  /** Backstage config pointing the action at this fake. */
  config: ConfigReader;
  /** `METHOD /path` of every API request the fake received since the last clear. */
  requests(): Promise<Array<{ method: string; url: string; body?: string }>>;
  clearRequests(): Promise<void>;
  /** PUT /__fake/faults (e.g. `{ failBuilds: 1 }`). */
  setFaults(faults: Record<string, unknown>): Promise<void>;
  /** A GET on Coder's API as the admin, for checking what the action left behind. */
  get(path: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startTestCoder(
  options: FakeCoderOptions = {},
): Promise<TestCoder> {
  const fake = await startFakeCoder({
    port: 0,
    quiet: true,
    buildStepMs: 5,
    ...options,
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(
        `${method} ${path}: ${response.status} ${await response.text()}`,
      );
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    fake,
    url: fake.url,
    config: new ConfigReader({
      coder: { deployment: { accessUrl: fake.url } },
    }),
    requests: () => admin('GET', '/__fake/requests'),
    clearRequests: () => admin('DELETE', '/__fake/requests'),
    setFaults: faults => admin('PUT', '/__fake/faults', faults),
    async get(path) {
      const response = await fetch(`${fake.url}${path}`, {
        headers: { 'Coder-Session-Token': fake.tokens.admin },
      });
      return { status: response.status, body: await response.json() };
    },
    close: () => fake.close(),
  };
}
