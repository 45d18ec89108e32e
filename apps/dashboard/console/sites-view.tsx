import { useEffect, useState } from 'preact/hooks';
import type { Site, TicketApi } from './ticket-api';
import { ownerLabel } from './ticket-labels';

/** Sites (cabinets, recorders) with how many of their cameras are out of public view: where an outage is. Sites with cameras down first. */
export function SitesView({ api, revision }: { api: TicketApi; revision: number }) {
  const [sites, setSites] = useState<Site[] | string>('loading…');
  useEffect(() => {
    api.sites().then(setSites, (e: Error) => setSites(`sites not available (${e.message})`));
  }, [api, revision]);
  if (typeof sites === 'string') return <p class="muted">{sites}</p>;
  const ordered = [...sites].sort((a, b) => b.camerasOutOfPublicView - a.camerasOutOfPublicView || a.siteId.localeCompare(b.siteId));
  return (
    <section id="sites" aria-label="Sites">
      <table class="sites">
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Town</th>
            <th scope="col">Owner</th>
            <th scope="col">Down</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((s) => (
            <tr key={s.siteId} class={s.camerasOutOfPublicView > 0 ? 'site-down' : ''}>
              <td>{s.siteId}</td>
              <td>{s.town}</td>
              <td>{ownerLabel(s)}</td>
              <td>
                {s.camerasOutOfPublicView} of {s.cameras}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
