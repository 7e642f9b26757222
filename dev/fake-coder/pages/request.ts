import type { IncomingMessage } from 'node:http';
import type { Micros } from '../clock';
import type { Deployment } from '../deployment';
import type { BannerViewer, PageResult } from './html';
import type { Viewer } from './viewer';

/** What a page handler gets for one request. */
export interface PageRequest {
  deployment: Deployment;
  request: IncomingMessage;
  url: URL;
  /** Path captures, percent-decoded. */
  params: Record<string, string>;
  now: Micros;
  viewer: Viewer;
  /** The viewer as the banner names them. */
  banner: BannerViewer;
}

/**
 * A page: a pure function of the request that returns the markup, so the
 * HTTP plumbing stays in one place and tests can call pages directly.
 */
export type PageHandler = (page: PageRequest) => PageResult;
