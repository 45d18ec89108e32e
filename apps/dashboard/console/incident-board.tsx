import type { Incident } from '@vigil/contracts';
import { IncidentRow } from './incident-row';

interface Props {
  pinned: Incident[];
  routine: Incident[];
  now: number;
  selectedId: string | null;
  freshIds: ReadonlySet<string>;
  /** Whether filters hide part of the board: an empty board then says so. */
  filtered: boolean;
  onOpen: (incident: Incident) => void;
  onSelect: (incident: Incident) => void;
}

const HEAD = (
  <thead>
    <tr>
      <th scope="col">Grade</th>
      <th scope="col">Reference</th>
      <th scope="col">Waited</th>
      <th scope="col">Category</th>
      <th scope="col">Town</th>
      <th scope="col">Partner</th>
      <th scope="col">Status</th>
      <th scope="col">Source</th>
      <th scope="col">Summary</th>
    </tr>
  </thead>
);

/**
 * The open board. Grade 1 has its own section above the rest that the routine list scrolls beneath,
 * so a burst of routine calls never pushes an immediate one out of sight.
 */
export function IncidentBoard({ pinned, routine, now, selectedId, freshIds, filtered, onOpen, onSelect }: Props) {
  // One row is in the Tab order (roving tabindex): the selected one, or the first when none is
  // selected, so Tab alone reaches the board; arrows and j/k move within it.
  const tabStop = [...pinned, ...routine].some((i) => i.incidentId === selectedId) ? selectedId : (pinned[0] ?? routine[0])?.incidentId;
  const row = (incident: Incident) => (
    <IncidentRow
      key={incident.incidentId}
      incident={incident}
      now={now}
      selected={incident.incidentId === selectedId}
      tabStop={incident.incidentId === tabStop}
      fresh={freshIds.has(incident.incidentId)}
      onOpen={onOpen}
      onSelect={onSelect}
    />
  );
  return (
    <section id="board" aria-label="Open incidents">
      {pinned.length > 0 && (
        <div id="grade-one" role="region" aria-label={`Grade 1, immediate: ${pinned.length}`}>
          <h2 class="section-title">Grade 1 — immediate ({pinned.length})</h2>
          <table class="incidents pinned" aria-label="Grade 1 incidents, longest waiting first">
            {HEAD}
            <tbody>{pinned.map(row)}</tbody>
          </table>
        </div>
      )}
      <div id="routine">
        <table id="incidents" class="incidents" aria-label="Open incidents by grade, then longest waiting">
          {HEAD}
          <tbody>{routine.map(row)}</tbody>
        </table>
        {pinned.length + routine.length === 0 && (
          <p id="empty">{filtered ? 'No open incident matches the filters.' : 'No open incidents. New ones appear here as they are triaged.'}</p>
        )}
      </div>
    </section>
  );
}
