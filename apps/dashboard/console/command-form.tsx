import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Incident } from '@vigil/contracts';
import type { IncidentCommand } from './incident-api';

/** Sends a command as of the version the operator saw; resolves to an error to show, or null when done. */
export type RunCommand = (command: IncidentCommand, body: object, seen: Incident) => Promise<string | null>;

interface Props {
  id: string;
  title: string;
  command: IncidentCommand;
  incident: Incident;
  run: RunCommand;
  submitLabel: string;
  /** The command's body from the form's fields (the version is added by `run`), or a message saying what to fix. */
  body: (form: FormData) => object | string;
  children: ComponentChildren;
}

/**
 * One operator command as a form, folded away until wanted. The version sent is the one on screen
 * when the operator started filling it in: a change that lands meanwhile makes it stale (409), and
 * the pane shows what changed instead of silently overwriting it.
 */
export function CommandForm({ id, title, command, incident, run, submitLabel, body, children }: Props) {
  const seen = useRef<Incident | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const built = body(new FormData(form));
    if (typeof built === 'string') return setProblem(built);
    setBusy(true);
    const error = await run(command, built, seen.current ?? incident);
    setBusy(false);
    setProblem(error);
    if (error === null) {
      seen.current = null;
      form.reset();
      (form.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
    }
  };
  return (
    <details class="command" id={`${id}-details`}>
      <summary>{title}</summary>
      <form id={id} onSubmit={submit} onFocusIn={() => (seen.current ??= incident)} aria-describedby={problem ? `${id}-problem` : undefined}>
        {children}
        {problem && (
          <p id={`${id}-problem`} class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </details>
  );
}

/** A trimmed text field, or '' when absent. */
export function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

/** The contract's rule for reasons (at least 3 characters), checked before sending to spare a round trip. */
export function reasonOf(form: FormData): string | null {
  const reason = text(form, 'reason');
  return reason.length >= 3 ? reason : null;
}

/** A labelled reason field: every change that must be justified has one. */
export function ReasonField({ id }: { id: string }) {
  return (
    <label>
      <span>Reason</span>
      <textarea id={`${id}-reason`} name="reason" required minLength={3} maxLength={2000} rows={2} />
    </label>
  );
}
