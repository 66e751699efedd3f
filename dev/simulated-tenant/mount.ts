/**
 * Mounting the framework-agnostic handler on the two dev servers: Koa (web-test-runner's dev server, including its
 * HTTP/2 mode) and Connect / plain Node (Vite's `server.middlewares`). Both read the raw body themselves and pass
 * an AbortSignal that fires when the client goes away.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Middleware } from 'koa';
import type { GraphHandler } from './handler.js';
import type { SimRequest, SimResponse } from './types.js';

const BODY_LIMIT = 1024 * 1024;

async function readBody(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > BODY_LIMIT) throw new RangeError('Request body too large for the simulated tenant.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

/**
 * An AbortSignal that fires when the client goes away before the answer is complete. Under HTTP/2 a client's abort
 * (RST_STREAM) shows as the request's `aborted` event; the response's `close` comes only after it finishes.
 */
function closeSignal(
  req: { on(event: 'aborted', listener: () => void): unknown },
  res: { on(event: 'close', listener: () => void): unknown; readonly writableFinished: boolean },
): AbortSignal {
  const controller = new AbortController();
  req.on('aborted', () => controller.abort());
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** A Koa middleware serving the simulator's paths; everything else goes to `next`. */
export function koaMiddleware(handler: GraphHandler): Middleware {
  return async (ctx, next) => {
    if (!handler.handles(ctx.url)) {
      await next();
      return;
    }
    const request: SimRequest = {
      method: ctx.method,
      url: ctx.url,
      // Under HTTP/2 the host arrives as `:authority`; Koa's `ctx.host` reads either.
      headers: { ...flatHeaders(ctx.headers), host: ctx.host, 'x-forwarded-proto': ctx.get('x-forwarded-proto') || ctx.protocol },
      body: ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readBody(ctx.req),
      signal: closeSignal(ctx.req, ctx.res),
    };
    const response = await handler(request);
    if (!response) {
      await next();
      return;
    }
    ctx.status = response.status === 499 ? 400 : response.status;
    for (const [name, value] of Object.entries(response.headers)) ctx.set(name, value);
    ctx.body = response.body;
  };
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(response.status === 499 ? 400 : response.status, response.headers);
  res.end(response.body);
}

/** A Connect / Node middleware (`server.middlewares.use(...)` in Vite) serving the simulator's paths. */
export function nodeMiddleware(handler: GraphHandler, protocol: 'http' | 'https' = 'http') {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const url = req.url ?? '/';
    if (!handler.handles(url)) {
      next();
      return;
    }
    const method = req.method ?? 'GET';
    void (async () => {
      const headers = flatHeaders(req.headers);
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      const response = await handler({
        method, url, body, signal: closeSignal(req, res),
        headers: { ...headers, 'x-forwarded-proto': headers['x-forwarded-proto'] ?? protocol },
      });
      if (response) send(res, response);
      else next();
    })().catch(next);
  };
}
