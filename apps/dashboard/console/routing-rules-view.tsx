import { useEffect, useState } from 'preact/hooks';
import type { NotifyApi } from './notify-api';
import type { RoutingConfig, RoutingView } from './notify-types';
import { londonDayTime, matchersText } from './notify-format';
import { RuleOutline, routingOutline, Setting } from './routing-outline';
import { RoutingEditor } from './routing-editor';

/** `10s`, or `30s (inherited)`. */
const setting = (s: Setting | null) => (s ? `${s.value}${s.inherited ? ' (inherited)' : ''}` : '—');

/** What a channel reaches, without its secret: a webhook names only its secret's variable. */
function channelText(channel: { type: string } & Record<string, unknown>): string {
  const to = Array.isArray(channel.to) ? ` to ${channel.to.join(', ')}` : '';
  const url = typeof channel.url === 'string' ? ` to ${channel.url}` : '';
  const resolved = channel.sendResolved === false ? ', not when resolved' : '';
  return `${channel.type}${to}${url}${resolved}`;
}

function RuleItem({ rule }: { rule: RuleOutline }) {
  return (
    <li class="rule" data-rule={rule.name}>
      <div>
        <strong>{rule.name}</strong>: {matchersText(rule.matchers)} → <span class="rule-receiver">{setting(rule.receiver)}</span>
      </div>
      <div class="muted rule-settings">
        group wait <span class="rule-group-wait">{setting(rule.groupWait)}</span> · grouped by {setting(rule.groupBy)} · repeat {setting(rule.repeatInterval)}
        {rule.escalation && <> · escalation {setting(rule.escalation)}</>}
        {rule.continue && ' · then keeps looking at the next rule'}
      </div>
      {rule.children.length > 0 && (
        <ol class="rule-children" aria-label={`Rules under ${rule.name}, first match wins`}>
          {rule.children.map((child) => (
            <RuleItem key={child.name} rule={child} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** The rules in force read plainly: the rule tree, receivers and their channels, escalation policies. */
function RulesInForce({ config }: { config: RoutingConfig }) {
  const outline = routingOutline(config);
  return (
    <>
      <h3 id="rule-tree-title">Rules</h3>
      {outline ? (
        <ol class="rule-tree" aria-labelledby="rule-tree-title">
          <RuleItem rule={outline} />
        </ol>
      ) : (
        <p class="muted">No root rule.</p>
      )}
      <h3>Receivers</h3>
      <ul class="receivers">
        {(config.receivers ?? []).map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong> <span class="muted">({r.role}{r.partner ? `, ${r.partner}` : ''})</span>: {r.channels.map(channelText).join('; ')}
          </li>
        ))}
      </ul>
      <h3>Escalation policies</h3>
      {(config.escalationPolicies ?? []).length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="policies">
          {config.escalationPolicies!.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: the rule's receiver first, then{' '}
              {p.steps.map((step, i) => `${i > 0 ? ', then ' : ''}after ${step.after} ${step.notify.join(' and ')}`).join('')}
              {p.repeat ? `; round again ${p.repeat}×` : ''}; acknowledged without progress for {p.progressTimeout} escalates again
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function VersionLine({ view, id }: { view: RoutingView; id?: string }) {
  return (
    <p class="version-line" id={id}>
      <strong>Version {view.version}</strong>
      {view.changedBy && (
        <>
          {' '}
          by <span class="changed-by">{view.changedBy}</span>
        </>
      )}
      {view.changedAt && <>, {londonDayTime(view.changedAt)}</>}
      {view.comment && <> — “{view.comment}”</>}
    </p>
  );
}

/** The routing rules in force, who changed them and why, their history, and for the supervisor an editor. */
export function RoutingRulesView({ api, edits, announce }: { api: NotifyApi; edits: boolean; announce: (text: string) => void }) {
  const [view, setView] = useState<RoutingView | string>('loading…');
  const [history, setHistory] = useState<RoutingView[] | string>('loading…');
  const load = () => {
    api.routing().then(setView, (e: Error) => setView(`rules not available (${e.message})`));
    api.routingHistory().then(setHistory, (e: Error) => setHistory(`history not available (${e.message})`));
  };
  useEffect(load, [api]);

  return (
    <section id="routing" aria-labelledby="routing-title" class="notify-view">
      <h2 id="routing-title">Notification rules</h2>
      {typeof view === 'string' ? (
        <p class="muted">{view}</p>
      ) : (
        <>
          <VersionLine view={view} id="routing-version" />
          {view.config ? <RulesInForce config={view.config} /> : <p class="muted">No rules yet: nothing is routed until the supervisor puts the first.</p>}
          {edits && (
            <RoutingEditor
              api={api}
              base={view}
              onSaved={(saved) => {
                announce(`Notification rules saved as version ${saved.version}`);
                load();
              }}
              onReload={load}
            />
          )}
        </>
      )}
      <h3 id="routing-history-title">History</h3>
      {typeof history === 'string' ? (
        <p class="muted">{history}</p>
      ) : history.length === 0 ? (
        <p class="muted">No versions yet.</p>
      ) : (
        <ol class="routing-history" aria-labelledby="routing-history-title">
          {history.map((h) => (
            <li key={h.version} data-version={h.version}>
              <VersionLine view={h} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
