import { useState } from 'preact/hooks';
import { ALERT_LABEL_NAMES, MATCHER_OPS, MatcherOp } from './notify-labels';
import type { NotifyApi } from './notify-api';
import type { FieldError } from './notify-types';
import { londonDayTime } from './notify-format';
import { EndsIn, fieldOf, MatcherRow, silenceFromDraft } from './silence-draft';

const NEW_ROW: MatcherRow = { label: 'site', op: '=', value: '' };

/** Creates a silence: matchers, how long, and why (required: the next shift reads it). */
export function SilenceForm({ api, onCreated }: { api: NotifyApi; onCreated: (announcement: string) => void }) {
  const [rows, setRows] = useState<MatcherRow[]>([NEW_ROW]);
  const [endsIn, setEndsIn] = useState<EndsIn>('1h');
  const [customEnd, setCustomEnd] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorAt = (field: string) => errors.filter((e) => fieldOf(e.path) === field).map((e) => e.message).join('; ');
  const setRow = (i: number, change: Partial<MatcherRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const draft = silenceFromDraft({ rows, endsIn, customEnd, comment }, new Date());
    if (!draft.ok) return setErrors(draft.errors);
    setBusy(true);
    const result = await api.createSilence(draft.silence).catch((e: Error) => ({ kind: 'failed' as const, status: 0, message: e.message, errors: [] }));
    setBusy(false);
    if (result.kind === 'done') {
      setErrors([]);
      setRows([NEW_ROW]);
      setComment('');
      onCreated(`Silence created until ${londonDayTime(draft.silence.endsAt)}`);
    } else setErrors(result.kind === 'failed' && result.errors.length > 0 ? result.errors : [{ path: '', message: `not created: ${result.message}` }]);
  };

  const problem = (field: string, id: string) => {
    const text = errorAt(field);
    return text ? (
      <p class="problem" id={id}>
        {text}
      </p>
    ) : null;
  };
  return (
    <form id="silence-form" class="silence-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="silence-form-title">
      <h3 id="silence-form-title">New silence</h3>
      <fieldset>
        <legend>Silence alerts where every one of these holds</legend>
        {rows.map((row, i) => (
          <div class="matcher-row" key={i} data-row={i}>
            <label>
              <span>Label</span>
              <select name={`label-${i}`} value={row.label} onChange={(e) => setRow(i, { label: e.currentTarget.value })}>
                {ALERT_LABEL_NAMES.map((label) => (
                  <option key={label} value={label}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>Compare</span>
              <select name={`op-${i}`} value={row.op} onChange={(e) => setRow(i, { op: e.currentTarget.value as MatcherOp })}>
                {MATCHER_OPS.map((o) => (
                  <option key={o.op} value={o.op}>
                    {o.text}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>Value</span>
              <input
                name={`value-${i}`}
                value={row.value}
                onInput={(e) => setRow(i, { value: e.currentTarget.value })}
                aria-invalid={!!errorAt(`matchers[${i}]`)}
                aria-describedby={errorAt(`matchers[${i}]`) ? `matcher-${i}-problem` : undefined}
              />
            </label>
            {rows.length > 1 && (
              <button type="button" class="quiet" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove condition ${i + 1}`}>
                Remove
              </button>
            )}
            {problem(`matchers[${i}]`, `matcher-${i}-problem`)}
          </div>
        ))}
        {problem('matchers', 'matchers-problem')}
        <button type="button" class="quiet" onClick={() => setRows([...rows, NEW_ROW])}>
          Add condition
        </button>
      </fieldset>
      <fieldset>
        <legend>Ends</legend>
        <div class="ends-in">
          {(['1h', '4h', '8h', 'custom'] as const).map((choice) => (
            <label class="check" key={choice}>
              <input type="radio" name="ends-in" value={choice} checked={endsIn === choice} onChange={() => setEndsIn(choice)} />
              {choice === 'custom' ? 'at a time' : `in ${choice.replace('h', ' h')}`}
            </label>
          ))}
        </div>
        {endsIn === 'custom' && (
          <label>
            <span>End time (London)</span>
            <input type="datetime-local" name="ends-at" value={customEnd} onInput={(e) => setCustomEnd(e.currentTarget.value)} aria-invalid={!!errorAt('endsAt')} />
          </label>
        )}
        {problem('endsAt', 'ends-problem')}
      </fieldset>
      <label>
        <span>Why (required: the next shift reads it)</span>
        <textarea
          name="comment"
          id="silence-comment"
          rows={2}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
          aria-invalid={!!errorAt('comment')}
          aria-describedby={errorAt('comment') ? 'comment-problem' : undefined}
        />
      </label>
      {problem('comment', 'comment-problem')}
      {problem('form', 'silence-form-problem')}
      <button type="submit" disabled={busy}>
        Create silence
      </button>
    </form>
  );
}
