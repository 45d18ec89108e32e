import { useState } from 'preact/hooks';
import type { Incident } from '@vigil/contracts';
import type { RunCommand } from '../command-form';

/** The one-press commands: acknowledge (also `a` on the board), take it, hand it back, start, assign to someone. */
export function QuickActions({ incident, me, run }: { incident: Incident; me: string; run: RunCommand }) {
  const [problem, setProblem] = useState<string | null>(null);
  const press = (command: Parameters<RunCommand>[0], body: object) => async () => setProblem(await run(command, body, incident));
  const closed = incident.status === 'closed';
  return (
    <div class="quick-actions" role="group" aria-label="Actions">
      {incident.status === 'open' && (
        <button type="button" id="acknowledge" onClick={press('acknowledge', {})}>
          Acknowledge
        </button>
      )}
      {!closed && incident.assignee !== me && (
        <button type="button" id="take" onClick={press('assign', { assignee: me })}>
          Take it
        </button>
      )}
      {!closed && incident.assignee === me && (
        <button type="button" class="quiet" onClick={press('assign', { assignee: null })}>
          Hand back
        </button>
      )}
      {incident.status === 'acknowledged' && (
        <button type="button" id="start" onClick={press('start', {})}>
          Start
        </button>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
