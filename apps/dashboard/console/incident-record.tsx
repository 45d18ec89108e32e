import type { Incident } from '@vigil/contracts';
import { THRIVE_ELEMENTS } from './commands/thrive-form';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** What the record holds beyond the board's columns: police reference, cameras, THRIVE, monitoring, outcome. */
export function IncidentRecord({ incident }: { incident: Incident }) {
  return (
    <section class="record" aria-label="Record">
      <dl class="facts">
        <dt>Police reference</dt>
        <dd id="police-reference">{incident.policeReference ?? '—'}</dd>
        <dt>Cameras</dt>
        <dd>{incident.cameras.length ? incident.cameras.join(', ') : '—'}</dd>
        <dt>Calls</dt>
        <dd>{incident.callCount}</dd>
        <dt>Respond by</dt>
        <dd>{incident.respondBy ? new Date(incident.respondBy).toLocaleTimeString('en-GB') : '—'}</dd>
        {incident.mergedInto && (
          <>
            <dt>Merged into</dt>
            <dd>{incident.mergedInto}</dd>
          </>
        )}
      </dl>
      <h3>THRIVE</h3>
      {incident.thrive ? (
        <dl class="thrive">
          {THRIVE_ELEMENTS.map(([key, label]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>{incident.thrive![key] || '—'}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted">Not assessed.</p>
      )}
      {incident.monitoring.length > 0 && (
        <>
          <h3>Monitoring</h3>
          <ul class="monitoring">
            {incident.monitoring.map((m) => (
              <li key={`${m.at}:${m.subject}`}>
                <strong>{m.subject}</strong>: {m.reason} <span class="muted">({m.by}, {new Date(m.at).toLocaleTimeString('en-GB')})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {incident.outcome && (
        <>
          <h3>Outcome</h3>
          <dl class="facts" id="outcome">
            <dt>Arrests</dt>
            <dd class="arrests">{incident.outcome.arrests}</dd>
            <dt>Police attended</dt>
            <dd>{yesNo(incident.outcome.policeAttended)}</dd>
            <dt>Footage requested</dt>
            <dd>{yesNo(incident.outcome.footageRequested)}</dd>
            <dt>NFA</dt>
            <dd>{yesNo(incident.outcome.noFurtherAction)}</dd>
            {incident.outcome.summary && (
              <>
                <dt>Summary</dt>
                <dd>{incident.outcome.summary}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
