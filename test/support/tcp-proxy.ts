import { createServer, connect, Server, Socket } from 'node:net';

/**
 * A TCP forwarder in front of a real service (Postgres, NATS) that a test can cut and restore:
 * cutting stops listening and kills every live connection, as a database going away would.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy on a free loopback port, not yet listening (connections are refused until {@link open}). */
  static async reserve(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new TcpProxy(port, { host: targetHost, port: targetPort });
  }

  /** A proxy that forwards from the start. */
  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const proxy = await TcpProxy.reserve(targetPort, targetHost);
    await proxy.open();
    return proxy;
  }

  /** Starts (or resumes) forwarding. */
  async open(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.forward(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Refuses new connections and destroys the open ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `host:port` URL helper: the same URL with its port pointed at this proxy. */
  url(serviceUrl: string): string {
    const parsed = new URL(serviceUrl);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  private forward(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
