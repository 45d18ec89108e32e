import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand, text } from '../command-form';

/** Records someone being monitored on camera, with the reason the code of practice requires. */
export function MonitoringForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  return (
    <CommandForm
      id="monitoring-form"
      title="Monitoring reason"
      command="monitoring"
      incident={incident}
      run={run}
      submitLabel="Record monitoring"
      body={(f) => {
        const reason = reasonOf(f);
        if (!text(f, 'subject')) return 'describe who is monitored';
        return reason ? { subject: text(f, 'subject'), reason } : 'give a reason (3 characters or more)';
      }}
    >
      <label>
        <span>Who (description)</span>
        <input name="subject" required maxLength={500} autoComplete="off" />
      </label>
      <ReasonField id="monitoring" />
    </CommandForm>
  );
}
