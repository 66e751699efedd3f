/**
 * The Microsoft Graph client: `Client.initWithMiddleware` with our own chain — the SDK's AuthenticationHandler over
 * our token provider, our retry middleware (bounded, abortable), the SDK's HTTPMessageHandler (fetch). The SDK's
 * `authProviders/*` subpaths are not used: they resolve to CommonJS.
 */
import { AuthenticationHandler, AuthenticationHandlerOptions, Client, HTTPMessageHandler, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { isSignInRequired, type SignInRequiredError } from '../directory/errors.js';
import { abortReason } from '../internal/abort.js';
import { RetryMiddleware } from './retry-middleware.js';
import type { RetryOptions } from './retry-policy.js';
import type { GetAccessToken } from './token-provider.js';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

export interface GraphClientOptions {
  readonly getAccessToken: GetAccessToken;
  readonly scopes: readonly string[];
  /** Graph's root, without the version (e.g. `https://graph.microsoft.com`). */
  readonly baseUrl: string;
  readonly version: string;
  readonly retry: RetryOptions;
  /**
   * What to throw when Graph refuses a refreshed token too (a second 401): the sign-in that would fix it, when the
   * token source can offer one. Without it, the 401 itself is thrown.
   */
  readonly signInRequired?: (cause: unknown) => SignInRequiredError | undefined;
}

/** A thin wrapper over the SDK client: requests by path (relative to the base URL and version), abortable. */
export interface GraphApi {
  get<T>(path: string, options: { signal: AbortSignal; headers?: Record<string, string> }): Promise<T>;
  post<T>(path: string, body: unknown, options: { signal: AbortSignal }): Promise<T>;
  /** A path relative to the API root for an absolute link Graph returned (`@odata.nextLink`), or `undefined` when the
   * link points elsewhere (the token is never sent to another host). */
  relativePath(link: string): string | undefined;
}

/** The middleware options of one attempt: none, or a token provider that refreshes. */
type Attempt = AuthenticationHandlerOptions[];

export function createGraphApi({ getAccessToken, scopes, baseUrl, version, retry, signInRequired }: GraphClientOptions): GraphApi {
  const root = `${baseUrl.replace(/\/+$/, '')}/${version}/`;
  const host = new URL(root).hostname;
  // The SDK turns errors thrown by the auth provider into GraphErrors that keep only the name: remember the last
  // sign-in request so callers get the real one (with its signIn()) back.
  let lastSignIn: SignInRequiredError | undefined;
  const tokens = (forceRefresh: boolean): AuthenticationProvider => ({
    getAccessToken: async () => {
      try {
        return await (forceRefresh ? getAccessToken(scopes, { forceRefresh }) : getAccessToken(scopes));
      } catch (error) {
        if (isSignInRequired(error)) lastSignIn = error;
        throw error;
      }
    },
  });
  const refreshed: Attempt = [new AuthenticationHandlerOptions(tokens(true))];
  const auth = new AuthenticationHandler(tokens(false));
  const retryMiddleware = new RetryMiddleware(retry);
  const http = new HTTPMessageHandler();
  auth.setNext(retryMiddleware);
  retryMiddleware.setNext(http);
  const client = Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${baseUrl.replace(/\/+$/, '')}/`,
    defaultVersion: version,
    // The SDK sends tokens only to Microsoft's Graph hosts and to these (https only).
    customHosts: new Set([host]),
  });

  async function attempt<T>(run: (attempt: Attempt) => Promise<T>, options: Attempt, signal: AbortSignal): Promise<T> {
    try {
      return await run(options);
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if ((error as { code?: unknown } | null)?.code === 'SignInRequiredError' && lastSignIn) throw lastSignIn;
      throw error;
    }
  }

  /**
   * A request, and after a 401 (a token Graph no longer takes: expired, revoked) the same request once more with a
   * token asked anew (`forceRefresh`). A second 401 means only signing in can help. docs/rules.md#graph-401-leads-to-sign-in.
   */
  async function send<T>(run: (attempt: Attempt) => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      return await attempt(run, [], signal);
    } catch (error) {
      if (statusOf(error) !== 401) throw error;
    }
    try {
      return await attempt(run, refreshed, signal);
    } catch (error) {
      if (statusOf(error) !== 401) throw error;
      throw signInRequired?.(error) ?? error;
    }
  }

  return {
    get: (path, { signal, headers = {} }) =>
      send((options) => client.api(path).headers(headers).option('signal', signal).middlewareOptions(options).get() as Promise<never>, signal),
    post: (path, body, { signal }) =>
      send((options) => client.api(path).option('signal', signal).middlewareOptions(options).post(body) as Promise<never>, signal),
    relativePath: (link) => relativePathUnder(root, link),
  };
}

/**
 * What `link` adds to `root`, when it is a URL under it: the same origin, no credentials, a path under the root's
 * path once dot segments are resolved. What is left must be a plain relative path: the SDK takes any path holding
 * `https://`, even in its query, for an absolute URL and would send the request (and the token) there.
 * docs/rules.md#graph-users-listing.
 */
function relativePathUnder(root: string, link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const base = new URL(root);
  if (url.origin !== base.origin || url.username !== '' || url.password !== '' || !url.pathname.startsWith(base.pathname)) return undefined;
  const rest = `${url.pathname.slice(base.pathname.length)}${url.search}`;
  // A scheme anywhere ("https://", "HTTPS://"), a protocol-relative or rooted path, a backslash: not a plain path.
  return /:\/\/|^[/\\]|\\/.test(rest) ? undefined : rest;
}

/** The HTTP status of a failed Graph request, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}
