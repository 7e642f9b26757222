import type { IncomingMessage } from 'node:http';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Every header as received (names lowercased by Node). */
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Requests the fake received, for tests that check what reached "Coder", for
 * example that the Backstage proxy stripped `Authorization` and cookies.
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(request: IncomingMessage): void {
    this.entries.push({
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: { ...request.headers },
    });
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
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
