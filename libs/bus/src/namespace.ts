/**
 * A deployment namespace: prefixes every subject and stream name so that several Vigil
 * installations (or parallel test runs) can share one NATS server without seeing each other.
 * The empty namespace leaves names exactly as the contracts spell them.
 */
export class BusNamespace {
  constructor(readonly name: string) {
    if (name !== '' && !/^[a-z][a-z0-9_-]*$/.test(name)) {
      throw new Error(`bus namespace "${name}" must be lower-case letters, digits, "_" or "-"`);
    }
  }

  /** The wire subject for a contract subject. */
  subject(subject: string): string {
    return this.name ? `${this.name}.${subject}` : subject;
  }

  /** The contract subject for a wire subject (inverse of {@link subject}). */
  unprefix(wireSubject: string): string {
    const prefix = `${this.name}.`;
    return this.name && wireSubject.startsWith(prefix) ? wireSubject.slice(prefix.length) : wireSubject;
  }

  /** The JetStream stream name for a contract stream name. */
  stream(stream: string): string {
    return this.name ? `${this.name.toUpperCase().replace(/-/g, '_')}_${stream}` : stream;
  }
}
