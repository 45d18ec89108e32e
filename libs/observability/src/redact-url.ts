// From "scheme://" (or the start of a list entry) to the last "@" before the host: user and
// password alike, since a NATS token travels as the user name.
const USERINFO = /^(\s*(?:[a-z][a-z0-9+.-]*:\/\/)?)[^/?#\s]*@/i;

/** A service URL (or comma-separated list of them) fit for logs, /health and error messages: userinfo replaced by `***`. */
export function redactUrl(url: string): string {
  return url
    .split(',')
    .map((entry) => entry.replace(USERINFO, '$1***@'))
    .join(',');
}
