import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route: method and exact path, or a path prefix ending in `*`. */
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
}

function matches(route: Route, method: string, path: string): boolean {
  if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) return false;
  return route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
}

/** Sends a JSON body with its status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The app's one HTTP server: every channel that speaks HTTP (Slack's events, the web chat, health)
 * is a route on it, so one port serves everything.
 */
export function createHttpServer(routes: readonly Route[], onError: (error: Error) => void): Server {
  const all: Route[] = [{ method: 'GET', path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) }, ...routes];
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = all.find((r) => matches(r, req.method ?? 'GET', path));
    if (!route) {
      sendJson(res, 404, { error: `nothing at ${req.method} ${path}` });
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((error: Error) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
  });
}
