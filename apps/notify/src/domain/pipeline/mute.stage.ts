import { muteAlert } from '../mute/mute-alert';
import type { Muter } from '../mute/muter';
import type { Held, Stage, StageContext } from './stage';

/** Holds back the alerts one muter mutes (the emergency rule applies to each); one stage per muter, as Alertmanager's MuteStage. */
export function muteStage(name: string, muterOf: (context: StageContext) => Muter): Stage {
  return {
    name,
    run(notification, context) {
      const muter = muterOf(context);
      const held: Held[] = [];
      const alerts = notification.alerts.filter((alert) => {
        const verdict = muteAlert(alert, [muter], context.now);
        if (verdict.muted) held.push({ stage: name, reason: verdict.reason, fingerprint: alert.fingerprint, by: verdict.by });
        return !verdict.muted;
      });
      return { pass: alerts.length > 0 ? [{ ...notification, alerts }] : [], held };
    },
  };
}
