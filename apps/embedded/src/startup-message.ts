/** What the embedded process knows once it listens. */
export interface StartupFacts {
  publicUrl: string;
  dc09: { tcp?: number; udp?: number };
  /** Sign-in links, police first; given only in demo mode, since each carries a token. */
  demoLinks?: { label: string; url: string }[];
}

/** The lines `npm start` prints for a person: where to look, and in demo mode how to sign in. */
export function startupMessage({ publicUrl, dc09, demoLinks }: StartupFacts): string {
  const dashboard = demoLinks
    ? `Dashboard: ${demoLinks[0].url} (${demoLinks[0].label})\n` + demoLinks.slice(1).map((l) => `  ${l.label}: ${l.url}\n`).join('')
    : `Dashboard: ${publicUrl} (sign in with a token from "npm run token", see the README)\n`;
  return (
    `\nVigil is running${demoLinks ? ' with demo gateways (Airwave, Town Link)' : ''}.\n` +
    dashboard +
    `Alarm receiver (SIA DC-09): tcp ${dc09.tcp ?? 'off'}, udp ${dc09.udp ?? 'off'}\n` +
    `Health: ${publicUrl}health   Metrics: ${publicUrl}metrics   API: ${publicUrl}api/docs\n\n`
  );
}
