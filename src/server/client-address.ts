import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request comes from: the socket's peer, or behind a trusted reverse proxy
 * (`TRUST_PROXY`) the last address in `X-Forwarded-For`, the one that proxy saw (earlier entries
 * are whatever the client claimed). Only the header's last 256 characters are read.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = canonical(req.socket?.remoteAddress ?? '') ?? 'unknown';
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const value = (Array.isArray(header) ? header.at(-1) : header)?.slice(-256);
  return canonical(value?.split(',').at(-1)?.trim() ?? '') ?? peer;
}

/** One spelling per address: IPv4 as written by Node, IPv4-mapped IPv6 as its IPv4, IPv6 in lower case; not an address: undefined. */
export function canonical(written: string): string | undefined {
  // Some proxies add the client's port: "1.2.3.4:5678", "[2001:db8::1]:443".
  const address = /^\[([^\]]+)\](?::\d+)?$/.exec(written)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(written)?.[1] ?? written;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  const candidate = mapped ?? address;
  const kind = isIP(candidate);
  if (kind === 4) return candidate;
  return kind === 6 ? candidate.toLowerCase() : undefined;
}
