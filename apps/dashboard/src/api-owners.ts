/** The apps that answer the page's `/api/...` calls when Vigil runs as separate processes. */
export type ApiOwner = 'ingest' | 'triage' | 'faults' | 'notify';

/** Where each owner listens, from the dashboard's settings; an owner without a URL is not forwarded to. */
export type ApiOwnerUrls = Partial<Record<ApiOwner, string>>;

// Paths the page or the API's users call; the intake at /api/gateways is for gateways, which post to ingest directly.
const OWNED_PREFIXES: ReadonlyArray<readonly [string, ApiOwner]> = [
  ['/api/sources', 'ingest'],
  ['/api/dead-letters', 'ingest'],
  ['/api/alarm-accounts', 'ingest'],
  ['/api/calls', 'ingest'],
  ['/api/incidents', 'triage'],
  ['/api/faults', 'faults'],
  ['/api/tickets', 'faults'],
  ['/api/cameras', 'faults'],
  ['/api/sites', 'faults'],
  ['/api/maintenance-windows', 'faults'],
  ['/api/notify', 'notify'],
];

/** The app owning an API path (`/api/incidents/42?x=1` → triage), or undefined when the dashboard answers it itself. */
export function apiOwnerOf(path: string): ApiOwner | undefined {
  const pathname = path.split('?')[0];
  return OWNED_PREFIXES.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
}
