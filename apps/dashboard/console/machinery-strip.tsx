import { useEffect, useState } from 'preact/hooks';
import type { IncidentApi } from './incident-api';

interface SourceRow {
  sourceKind: string;
  sourceId: string;
  state: string;
  lastSeen: string | null;
}
interface DeadLetterRow {
  reason: string;
}

/** Control-room staff also see the machinery: which sources are alive, and what Vigil refused. Polled every 5 s. */
export function MachineryStrip({ api }: { api: IncidentApi }) {
  const [sources, setSources] = useState<SourceRow[] | null>(null);
  const [refused, setRefused] = useState<DeadLetterRow[] | null>(null);
  useEffect(() => {
    const refresh = () => {
      api.getJson<SourceRow[]>('/api/sources').then(setSources, () => undefined);
      api.getJson<DeadLetterRow[]>('/api/dead-letters?limit=100').then(setRefused, () => undefined);
    };
    refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [api]);
  return (
    <section id="machinery" aria-label="Sources and refused messages">
      <div id="sources">
        {sources && (sources.length ? 'Sources: ' : 'Sources: none heard yet')}
        {sources?.map((s) => (
          <span key={`${s.sourceKind}:${s.sourceId}`} class={`source ${s.state}`}>
            {`${s.sourceKind} ${s.sourceId} ${s.state} (heard ${s.lastSeen ? new Date(s.lastSeen).toLocaleTimeString('en-GB') : 'never'})`}
          </span>
        ))}
      </div>
      <div id="refused">
        {refused &&
          (refused.length
            ? `Refused messages: ${refused.length}${refused.length === 100 ? '+' : ''} (latest: ${refused[0].reason})`
            : 'Refused messages: none')}
      </div>
    </section>
  );
}
