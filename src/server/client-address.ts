import type { IncomingMessage } from 'node:http';

/**
 * The address a request comes from: the socket's peer, or behind a trusted reverse proxy
 * (`TRUST_PROXY`) the last address in `X-Forwarded-For`, the one that proxy saw (earlier entries
 * are whatever the client claimed). Only the header's last 256 characters are read.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const value = (Array.isArray(header) ? header.at(-1) : header)?.slice(-256);
  const last = value?.split(',').at(-1)?.trim();
  return last && /^[0-9a-fA-F.:]{2,45}$/.test(last) ? last : peer;
}
