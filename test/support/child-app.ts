import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Vigil app running as its own OS process, from the build in dist/, that a test can kill. */
export class ChildApp {
  private process?: ChildProcess;
  readonly output: string[] = [];

  constructor(
    private readonly app: 'ingest' | 'triage' | 'dashboard' | 'faults' | 'notify',
    private readonly env: Record<string, string>,
    /** 0 lets the OS pick; a test that talks to the app over HTTP or socket.io picks a free port itself. */
    private readonly httpPort = 0,
  ) {}

  /** Starts the process (on a free port unless the env names one) and resolves once it logs that it listens. */
  async start(): Promise<void> {
    const main = join(__dirname, '..', '..', 'dist', 'apps', this.app, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`);
    const child = spawn(process.execPath, [main], {
      // A free port unless the test needs a known one (a redirect URL registered at an identity provider, say).
      env: { PATH: process.env.PATH ?? '', [`VIGIL_${this.app.toUpperCase()}_PORT`]: String(this.httpPort), ...this.env, VIGIL_LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output.push(chunk.toString());
        if (chunk.toString().includes(`${this.app} listening`)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
      child.once('exit', (code) => reject(new Error(`${this.app} exited with ${code} before listening:\n${this.output.join('')}`)));
    });
  }

  /** The fields of the first JSON log line with this `msg` ("ingest listening" has the bound `port`). */
  logged(msg: string): Record<string, unknown> {
    for (const line of this.output.join('').split('\n')) {
      if (!line.startsWith('{')) continue;
      const fields = JSON.parse(line) as Record<string, unknown>;
      if (fields.msg === msg) return fields;
    }
    throw new Error(`${this.app} has not logged "${msg}":\n${this.output.join('')}`);
  }

  /** Kills the process without warning (SIGKILL): no shutdown hooks, no drain. */
  async kill(): Promise<void> {
    const child = this.process;
    // A process already killed by a signal has exitCode null: waiting for its 'exit' again would hang.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process gracefully (SIGTERM). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
