import type { IncomingMessage } from 'node:http';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Every header as received (names lowercased by Node). */
  headers: Record<string, string | string[] | undefined>;
  /**
   * The body as text, once the handler has read it (so not for requests
   * refused before that), cut at MAX_RECORDED_BODY characters.
   */
  body?: string;
}

export const MAX_RECORDED_BODY = 16 * 1024;

/**
 * Requests the fake received, for tests that check what reached "Coder", for
 * example that the Backstage proxy stripped `Authorization` and cookies.
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly capacity = 10_000) {}

  /** Adds the request; the entry is returned so its body can be added once read. */
  record(request: IncomingMessage): RecordedRequest {
    const entry: RecordedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: { ...request.headers },
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  list(): RecordedRequest[] {
    return [...this.entries];
  }

  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    return count;
  }
}
