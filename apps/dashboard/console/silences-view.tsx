import { useEffect, useState } from 'preact/hooks';
import type { NotifyApi } from './notify-api';
import type { Silence, SilenceState } from './notify-types';
import { londonDayTime, matchersText } from './notify-format';
import { SilenceForm } from './silence-form';
import { silencesByState } from './silence-draft';

const HEADINGS: Record<SilenceState, string> = { active: 'Active', pending: 'Pending (not started)', expired: 'Expired' };

/** Silences, active first; operators and the supervisor create and expire them, police read them. */
export function SilencesView({ api, manages, announce }: { api: NotifyApi; manages: boolean; announce: (text: string) => void }) {
  const [silences, setSilences] = useState<Silence[] | string>('loading…');
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => api.silences().then(setSilences, (e: Error) => setSilences(`silences not available (${e.message})`));
  useEffect(() => void load(), [api]);

  const expire = async (silence: Silence) => {
    const result = await api.expireSilence(silence.id).catch((e: Error) => ({ kind: 'failed' as const, status: 0, message: e.message, errors: [] }));
    setProblem(result.kind === 'done' ? null : `not expired: ${result.message}`);
    if (result.kind === 'done') announce(`Silence on ${matchersText(silence.matchers)} expired`);
    await load();
  };

  const grouped = typeof silences === 'string' ? null : silencesByState(silences);
  return (
    <section id="silences" aria-labelledby="silences-title" class="notify-view">
      <h2 id="silences-title">Silences</h2>
      <p class="muted">A silence stops notifications for alerts its conditions match, from its start to its end. Alerts are still recorded.</p>
      {manages && (
        <SilenceForm
          api={api}
          onCreated={(text) => {
            announce(text);
            void load();
          }}
        />
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {!grouped ? (
        <p class="muted">{silences as string}</p>
      ) : (
        (['active', 'pending', 'expired'] as const).map((state) => (
          <section key={state} class={`silence-group silence-group-${state}`} aria-labelledby={`silences-${state}`}>
            <h3 id={`silences-${state}`}>
              {HEADINGS[state]} ({grouped[state].length})
            </h3>
            {grouped[state].length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              <ul class="silence-list">
                {grouped[state].map((s) => (
                  <li key={s.id} class="silence" data-silence-id={s.id}>
                    <div class="silence-matchers">
                      <strong>{matchersText(s.matchers)}</strong>
                    </div>
                    <div class="muted">
                      {londonDayTime(s.startsAt)} → {londonDayTime(s.endsAt)} · by {s.createdBy}
                    </div>
                    <div class="silence-comment">{s.comment}</div>
                    {manages && state !== 'expired' && (
                      <button type="button" class="quiet" onClick={() => void expire(s)} aria-label={`Expire now: ${matchersText(s.matchers)}`}>
                        Expire now
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </section>
  );
}
