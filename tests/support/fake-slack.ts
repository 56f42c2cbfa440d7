import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the app made to the fake Slack Web API (or to a response_url). */
export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly at: number;
  /** The token the call was made with (the Authorization header's bearer token), if any. */
  readonly token?: string;
}

/** How to answer a method a given number of times before answering normally. */
export interface Fault {
  readonly method: string;
  readonly times: number;
  readonly status?: number;
  readonly error?: string;
  readonly retryAfter?: number;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const json = (v: string): unknown => {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  };
  if ((req.headers['content-type'] ?? '').includes('application/json')) return (json(text) ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // A field that looks like JSON (blocks) is parsed; one that only starts like it (a reply's text) stays text.
  for (const [k, v] of new URLSearchParams(text)) out[k] = /^[[{]/.test(v) ? json(v) : v;
  return out;
}

/**
 * A small fake of the Slack Web API on loopback: records every call the app makes (including
 * response_url posts under /response/…), answers like Slack, and can inject faults and rate limits.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  private server: Server | undefined;
  private faults: Fault[] = [];
  private delays = new Map<string, number>();
  private nextTs = 1000;
  /** What apps.connections.open answers (Socket Mode tests set it). */
  socketUrl = '';
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = path.startsWith('/response/') ? `response_url${path.slice('/response'.length)}` : path.replace(/^\/api\//, '').replace(/^\//, '');
      const args = await readBody(req);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      this.calls.push({ method, args, at: Date.now(), ...(bearer ? { token: bearer } : {}) });
      const delay = this.delays.get(method);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const fault = this.faults.find((f) => f.method === method && f.times > 0);
      if (fault) {
        (fault as { times: number }).times -= 1;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        res.writeHead(fault.status ?? 200, headers);
        res.end(JSON.stringify({ ok: false, error: fault.error ?? 'internal_error' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.answer(method, args, bearer)));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  private answer(method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        // A token the OAuth exchange issued ("xoxb-oauth-T2") belongs to its workspace.
        const team = /^xoxb-oauth-(\w+)$/.exec(token ?? '')?.[1] ?? 'T1';
        return { ok: true, user_id: `UBOT${team === 'T1' ? '' : team}`, bot_id: `BBOT${team === 'T1' ? '' : team}`, team_id: team, user: 'faqbot' };
      }
      case 'oauth.v2.access': {
        // The code names the workspace installing ("code-T2"); anything else is refused as Slack does.
        const team = /^code-(\w+)$/.exec(String(args.code ?? ''))?.[1];
        if (!team) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'UINSTALLER' },
          scope: 'chat:write,commands',
          token_type: 'bot',
          access_token: `xoxb-oauth-${team}`,
          bot_user_id: `UBOT${team}`,
          team: { id: team, name: `Career Center ${team}` },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${this.nextTs++}.000100`, message: { text: args.text } };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }

  /** The URL a slash command or action payload gives as its response_url. */
  responseUrl(id: string): string {
    return `${this.url}response/${id}`;
  }

  /** Makes a method answer only after `ms` (a slow Slack). */
  slow(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method || (method === 'response_url' && c.method.startsWith('response_url')));
  }

  /** Waits until `count` calls to a method have arrived (or fails after `ms`). */
  async waitFor(method: string, count = 1, ms = 5000): Promise<ApiCall[]> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const calls = this.callsTo(method);
      if (calls.length >= count) return calls;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`expected ${count} call(s) to ${method}; got ${this.callsTo(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  reset(): void {
    this.calls.length = 0;
    this.faults = [];
    this.delays.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => {
      this.server?.close(() => r());
      this.server?.closeAllConnections();
    });
  }
}
