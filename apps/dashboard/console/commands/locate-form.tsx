import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand, text } from '../command-form';
import { PARTNERS } from '../reference-data';

/** Places the incident: a partner's town, or a client's site. */
export function LocateForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="locate-form"
      title={incident.placement === 'unplaced' ? 'Give it a location' : 'Relocate'}
      command="locate"
      incident={incident}
      run={run}
      submitLabel="Save location"
      body={(f) => {
        const reason = reasonOf(f);
        if (!reason) return 'give a reason (3 characters or more)';
        const [partnerId, town] = text(f, 'place').split('|');
        const clientName = text(f, 'client');
        if (!town && !clientName) return 'choose a town or name the client';
        return clientName ? { partnerId: null, town: null, clientName, reason } : { partnerId, town, clientName: null, reason };
      }}
    >
      <label>
        <span>Town</span>
        <select name="place">
          <option value="">—</option>
          {PARTNERS.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.towns.map((t) => (
                <option key={t} value={`${p.id}|${t}`} selected={incident.town === t}>
                  {t}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <span>or a client's site</span>
        <input name="client" maxLength={200} autoComplete="off" />
      </label>
      <ReasonField id="locate" />
    </CommandForm>
  );
}
