import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route: method and exact path, or a path prefix ending in `*`. */
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
}

/** The server's own limits: slow or idle clients are cut off, and open connections are capped. */
export const SERVER_LIMITS = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  /** How often Node checks the header and request timeouts (its default, 30 s, lets a slow client linger). */
  timeoutCheckMs: 1_000,
  /** Open connections one client address may hold, unless MAX_CONNECTIONS_PER_CLIENT says otherwise (0: no cap). */
  connectionsPerClient: 100,
});

function pathMatches(route: Route, path: string): boolean {
  return route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
}

function methodMatches(route: Route, method: string): boolean {
  return route.method === method || (route.method === 'GET' && method === 'HEAD');
}

/**
 * After a refusal, closes the connection once the answer is out instead of draining a body
 * nobody will read (a client declaring gigabytes gets its 413 and is cut off).
 */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.readableEnded) closeAfterAnswer(req, res);
}

/** Ends the connection once the answer is out (call before writing it). */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  // Held now: a request whose body read was abandoned may have let go of its socket by `finish`.
  const socket = req.socket ?? res.socket;
  res.setHeader('connection', 'close');
  res.once('finish', () => socket?.destroy());
}

/** Sends a JSON body with its status. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * The app's one HTTP server: every channel that speaks HTTP (Slack's events, the web chat, health)
 * is a route on it, so one port serves everything. A known path asked with another method gets
 * 405 with `Allow`; every response defaults to `nosniff` and `no-store` (assets set their own cache).
 */
export function createHttpServer(
  routes: readonly Route[],
  onError: (error: Error) => void,
  connectionsPerClient: number = SERVER_LIMITS.connectionsPerClient,
  health: () => Promise<Record<string, string>> = async () => ({}),
): Server {
  const healthz: Handler = async (_req, res) => {
    try {
      sendJson(res, 200, { status: 'ok', ...(await health()) });
    } catch (error) {
      sendJson(res, 503, { status: 'unavailable', error: (error as Error).message.slice(0, 200) });
    }
  };
  const all: Route[] = [{ method: 'GET', path: '/healthz', handler: healthz }, ...routes];
  const server = createServer({ connectionsCheckingInterval: SERVER_LIMITS.timeoutCheckMs }, (req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    const method = req.method ?? 'GET';
    let path: string;
    try {
      // The request target is a path: "//evil.example/metrics" is the path "//evil.example/metrics", never a host.
      const target = req.url ?? '/';
      path = new URL(`http://localhost${target.startsWith('/') ? target : `/${target}`}`).pathname;
    } catch {
      sendJson(res, 400, { error: 'the request path is not a valid URL path' });
      return;
    }
    const onPath = all.filter((r) => pathMatches(r, path));
    const route = onPath.find((r) => methodMatches(r, method));
    if (!route) {
      closeIfBodyUnread(req, res);
      if (onPath.length === 0) sendJson(res, 404, { error: `nothing at ${path}` });
      else {
        const allow = [...new Set(onPath.flatMap((r) => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method])))].join(', ');
        sendJson(res, 405, { error: `${path} takes ${allow}` }, { allow });
      }
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((error: Error) => {
        onError(error);
        if (res.headersSent) return void res.destroy();
        closeIfBodyUnread(req, res);
        sendJson(res, 500, { error: 'internal error' });
      });
  });
  server.headersTimeout = SERVER_LIMITS.headersTimeoutMs;
  server.requestTimeout = SERVER_LIMITS.requestTimeoutMs;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs;
  server.maxConnections = SERVER_LIMITS.maxConnections;
  if (connectionsPerClient > 0) capPerClient(server, connectionsPerClient);
  return server;
}

/**
 * One client address may hold at most `cap` open connections, so a few slow clients cannot take
 * every place under `maxConnections` (/healthz included). Behind a reverse proxy every connection
 * comes from the proxy: raise the cap there, or set it to 0 and let the proxy limit clients.
 */
function capPerClient(server: Server, cap: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
