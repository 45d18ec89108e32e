import { useRef, useState } from 'preact/hooks';
import type { FaultSymptom, Incident } from '@vigil/contracts';
import type { TicketApi, TicketResult } from '../ticket-api';
import { SYMPTOM_LABELS, SYMPTOMS } from '../ticket-labels';

interface Props {
  incident: Incident;
  api: TicketApi;
  /** Keeps the ticket faults answered with, so the fault board shows it before its push arrives. */
  keep: (ticket: Extract<TicketResult, { kind: 'done' }>['ticket']) => void;
}

/**
 * Reports a fault on one of the incident's cameras (POST /api/faults, with the incident, so a
 * recording gap can go on its timeline). One client reference per form: a double submit is one report.
 */
export function ReportFaultForm({ incident, api, keep }: Props) {
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const clientReference = useRef(crypto.randomUUID());
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    setBusy(true);
    const result = await api.report({
      cameraId: String(data.get('cameraId')),
      symptom: String(data.get('symptom')) as FaultSymptom,
      description: description || null,
      incidentId: incident.incidentId,
      clientReference: clientReference.current,
    });
    setBusy(false);
    if (result.kind === 'done') {
      keep(result.ticket);
      clientReference.current = crypto.randomUUID();
      form.reset();
      setMessage({ text: `Reported: ${result.ticket.reference} for ${result.ticket.cameraIds.join(', ')} (${result.ticket.status})`, problem: false });
    } else setMessage({ text: `not reported: ${result.kind === 'failed' ? result.message : 'the ticket changed meanwhile'}`, problem: true });
  };
  return (
    <details class="command" id="report-fault-details">
      <summary>Report a camera fault</summary>
      {incident.cameras.length === 0 ? (
        <p class="muted">Record the cameras used on this incident first (Cameras used).</p>
      ) : (
        <form id="report-fault-form" onSubmit={submit}>
          <label>
            <span>Camera</span>
            <select name="cameraId" required>
              {incident.cameras.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Symptom</span>
            <select name="symptom" required>
              {SYMPTOMS.map((s) => (
                <option key={s} value={s}>
                  {SYMPTOM_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>What is wrong (optional)</span>
            <textarea name="description" maxLength={4000} rows={2} />
          </label>
          {message && (
            <p id="report-fault-result" class={message.problem ? 'problem' : 'muted'} role={message.problem ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
          <button type="submit" disabled={busy}>
            Report fault
          </button>
        </form>
      )}
    </details>
  );
}
