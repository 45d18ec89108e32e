import type { IncidentCall, TimelineEntry } from '@vigil/contracts';

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB');

/** The calls on the incident, each with why correlation put it there. */
export function CallList({ calls }: { calls: IncidentCall[] | string }) {
  return (
    <section class="calls" aria-labelledby="calls-title">
      <h3 id="calls-title">Calls</h3>
      {typeof calls === 'string' ? (
        <p class="muted">{calls}</p>
      ) : (
        <ol>
          {calls.map((c) => (
            <li key={c.callKey}>
              <span class="muted">{time(c.receivedAt)}</span> <strong>{c.source}</strong> {c.summary} <span class="muted">— {c.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every call, decision and change, newest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] | string }) {
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {typeof entries === 'string' ? (
        <p class="muted">{entries}</p>
      ) : (
        <ol reversed>
          {[...entries].reverse().map((e, i) => (
            <li key={`${e.at}:${i}`}>
              <span class="muted">{time(e.at)}</span> <strong>{e.kind}</strong> by {e.actor}
              {e.reason && <> — {e.reason}</>}
              {typeof e.detail.text === 'string' && <div class="note">{e.detail.text}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
