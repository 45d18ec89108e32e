import { useEffect, useState } from 'preact/hooks';
import type { NotifyApi } from './notify-api';
import type { FieldError, RoutingConfig, RoutingView } from './notify-types';
import { namedPath } from './routing-outline';

/** Refusals as the supervisor reads them: a stale base, a config refused at its paths, or anything else. */
type EditProblem = { kind: 'stale'; newest: number | null } | { kind: 'invalid'; errors: FieldError[]; sent?: RoutingConfig } | { kind: 'other'; message: string };

/**
 * The supervisor's editor: the whole config as JSON, a required comment, and the version it
 * starts from. An edit of a version someone has since replaced is refused, never merged.
 */
export function RoutingEditor({ api, base, onSaved, onReload }: { api: NotifyApi; base: RoutingView; onSaved: (saved: RoutingView) => void; onReload: () => void }) {
  const [text, setText] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  // The editor starts from the rules as shown; opening it again after a save starts from the new version.
  useEffect(() => setText(JSON.stringify(base.config ?? {}, null, 2)), [base.version]);

  const save = async (event: Event) => {
    event.preventDefault();
    let config: RoutingConfig;
    try {
      config = JSON.parse(text) as RoutingConfig;
    } catch (error) {
      return setProblem({ kind: 'invalid', errors: [{ path: '(JSON)', message: (error as Error).message }] });
    }
    if (!comment.trim()) return setProblem({ kind: 'other', message: 'say why you change the rules: the history keeps it' });
    setBusy(true);
    const result = await api.changeRouting(config, base.version, comment.trim()).catch((e: Error) => ({ kind: 'failed' as const, status: 0, message: e.message, errors: [] }));
    setBusy(false);
    if (result.kind === 'done') {
      setProblem(null);
      setComment('');
      setOpen(false);
      onSaved(result.answer);
    } else if (result.kind === 'stale') setProblem({ kind: 'stale', newest: result.current?.version ?? null });
    else setProblem(result.errors.length > 0 ? { kind: 'invalid', errors: result.errors, sent: config } : { kind: 'other', message: result.message });
  };

  return (
    <details class="routing-editor" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Edit the rules (version {base.version})</summary>
      <form id="routing-form" onSubmit={(e) => void save(e)} noValidate>
        <label>
          <span>Rules as JSON (durations as 30s, 5m, 4h)</span>
          <textarea id="routing-config" name="config" rows={18} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby={problem ? 'routing-problem' : undefined} />
        </label>
        <label>
          <span>Why (required: kept in the history)</span>
          <input id="routing-comment" name="comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} maxLength={500} />
        </label>
        {problem && (
          <div class="problem" id="routing-problem" role="alert">
            {problem.kind === 'stale' ? (
              <p>
                Not saved: someone changed the rules since you opened them{problem.newest !== null ? ` (now version ${problem.newest})` : ''}. Load theirs and make your change again.{' '}
                <button type="button" class="quiet" onClick={() => { setProblem(null); onReload(); }}>
                  Load the newest rules
                </button>
              </p>
            ) : problem.kind === 'invalid' ? (
              <>
                <p>Not saved: the rules are refused.</p>
                <ul class="routing-errors">
                  {problem.errors.map((e, i) => (
                    <li key={i}>
                      <code>{problem.sent ? namedPath(e.path, problem.sent) : e.path || '(top)'}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Not saved: {problem.message}</p>
            )}
          </div>
        )}
        <button type="submit" disabled={busy}>
          Save as version {base.version + 1}
        </button>
      </form>
    </details>
  );
}
