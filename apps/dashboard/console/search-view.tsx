import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '@vigil/contracts';
import type { IncidentApi } from './incident-api';
import type { IncidentFilter } from './incident-filter';
import { Place } from './incident-row';
import { STATUS_LABELS } from './reference-data';

const PAGE = 100;

/**
 * Every incident matching the filter, closed ones included, newest first, from GET /api/incidents:
 * how a closed incident stays findable after it leaves the board.
 */
export function SearchView({ api, filter, onOpen }: { api: IncidentApi; filter: IncidentFilter; onOpen: (incident: Incident) => void }) {
  const [found, setFound] = useState<Incident[] | string>('searching…');
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.listAll(filter, 'all', PAGE, PAGE).then(
        (incidents) => current && setFound(incidents),
        (e: Error) => current && setFound(`search failed: ${e.message}`),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, JSON.stringify(filter)]);
  if (typeof found === 'string') return <p class="muted" id="search-state">{found}</p>;
  return (
    <section id="search-results" aria-label="Search results">
      <p class="muted" role="status">
        {found.length === PAGE ? `the newest ${PAGE} matches` : `${found.length} found`}
      </p>
      <table class="incidents">
        <thead>
          <tr>
            <th scope="col">Opened</th>
            <th scope="col">Reference</th>
            <th scope="col">Grade</th>
            <th scope="col">Status</th>
            <th scope="col">Category</th>
            <th scope="col">Town</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {found.map((i) => (
            <tr key={i.incidentId} data-incident-id={i.incidentId}>
              <td>{new Date(i.openedAt).toLocaleString('en-GB')}</td>
              <td class="reference">
                <button type="button" class="open" onClick={() => onOpen(i)}>
                  {i.reference}
                </button>
              </td>
              <td>
                <span class={`grade grade-${i.grade}`}>{i.grade}</span>
              </td>
              <td>{STATUS_LABELS[i.status]}</td>
              <td>{i.category}</td>
              <td>
                <Place incident={i} />
              </td>
              <td class="summary">{i.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
