import type { Held, Notification, Stage, StageContext, StageResult } from './stage';

/**
 * Runs stages in order, each on everything the one before let through (so a fan-out stage's
 * notifications each go on alone); stops early when nothing is left, as Alertmanager's MultiStage.
 */
export function multiStage(name: string, stages: readonly Stage[]): Stage {
  return {
    name,
    run(notification: Notification, context: StageContext): StageResult {
      let pass: Notification[] = [notification];
      const held: Held[] = [];
      for (const stage of stages) {
        if (pass.length === 0) break;
        const results = pass.map((n) => stage.run(n, context));
        pass = results.flatMap((result) => result.pass);
        held.push(...results.flatMap((result) => result.held));
      }
      return { pass, held };
    },
  };
}
