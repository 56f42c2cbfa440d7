import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local server speaking Slack's Socket Mode envelope protocol: says hello on each connection,
 * sends envelopes, and collects the app's acks by envelope_id.
 */
export class FakeSocketMode {
  private wss: WebSocketServer | undefined;
  readonly acks = new Map<string, Record<string, unknown>>();
  connections = 0;
  private current: WebSocket | undefined;
  url = '';

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.wss!.once('listening', () => r()));
    this.url = `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link`;
    this.wss.on('connection', (socket) => {
      this.connections += 1;
      this.current = socket;
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string };
        if (msg.envelope_id) this.acks.set(msg.envelope_id, msg);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
    });
    return this;
  }

  /** Waits for the n-th connection (counting from the start). */
  async waitForConnection(n: number, ms = 8000): Promise<void> {
    const until = Date.now() + ms;
    while (this.connections < n || this.current?.readyState !== 1) {
      if (Date.now() > until) throw new Error(`no connection #${n} (have ${this.connections})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  send(envelope: Record<string, unknown>): void {
    this.current!.send(JSON.stringify(envelope));
  }

  async waitForAck(id: string, ms = 5000): Promise<Record<string, unknown>> {
    const until = Date.now() + ms;
    while (!this.acks.has(id)) {
      if (Date.now() > until) throw new Error(`no ack for envelope ${id}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.acks.get(id)!;
  }

  /** Drops the live connection, as a network failure would. */
  drop(): void {
    this.current?.terminate();
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((r) => this.wss?.close(() => r()));
  }
}
