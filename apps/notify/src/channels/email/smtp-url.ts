/** Hosts where a password may travel without TLS: it never leaves the machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The SMTP server's URL as it may be logged: scheme, host and port, never the user name, password or query. */
export function smtpServerForLogs(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/** Whether the URL sends a user name or password. */
export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** Whether the URL names a server on this machine. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}
