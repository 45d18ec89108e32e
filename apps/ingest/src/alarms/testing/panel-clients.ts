import { createSocket, Socket as UdpSocket } from 'dgram';
import { connect, Socket } from 'net';
import { FrameSplitter } from '../dc09/frame-splitter';

/** A panel on a TCP connection: writes raw bytes and reads framed replies in order. */
export class TcpPanel {
  private readonly replies: Buffer[] = [];
  private waiters: Array<(reply: Buffer) => void> = [];
  private readonly splitter = new FrameSplitter();

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const item of this.splitter.push(chunk)) if (item.kind === 'frame') this.deliver(item.bytes);
    });
  }

  /** Opens a connection to the receiver. */
  static async connect(port: number): Promise<TcpPanel> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new TcpPanel(socket);
  }

  /** Writes bytes as they are, however many frames (or pieces of one) they hold. */
  async write(bytes: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** The next reply frame. */
  nextReply(): Promise<Buffer> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when the receiver closes the connection. */
  closed(): Promise<void> {
    if (this.socket.closed) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  end(): void {
    this.socket.destroy();
  }

  private deliver(reply: Buffer): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(reply);
    else this.replies.push(reply);
  }
}

/** A panel sending single datagrams over UDP. */
export class UdpPanel {
  private constructor(private readonly socket: UdpSocket) {}

  /** Binds an ephemeral local port. */
  static async open(): Promise<UdpPanel> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new UdpPanel(socket);
  }

  /** Sends one datagram and resolves with the reply datagram. */
  async exchange(port: number, datagram: Buffer): Promise<Buffer> {
    const reply = new Promise<Buffer>((resolve) => this.socket.once('message', (message) => resolve(message)));
    this.socket.send(datagram, port, '127.0.0.1');
    return reply;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
