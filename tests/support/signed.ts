import { createHmac } from 'node:crypto';

/** Headers of a request signed the way Slack signs (v0, HMAC-SHA256 of `v0:timestamp:body`). */
export function slackSignature(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SentRequest {
  readonly status: number;
  readonly ms: number;
  readonly body: string;
}

/** Posts a signed request to the app's Slack endpoint; the body is a string so the content type stays exact. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  secret: string,
  extra: { timestamp?: number; headers?: Record<string, string> } = {},
): Promise<SentRequest> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...slackSignature(body, secret, extra.timestamp), ...(extra.headers ?? {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, body: text };
}

/** A form body as Slack sends slash commands; interactive payloads go in `payload`. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
