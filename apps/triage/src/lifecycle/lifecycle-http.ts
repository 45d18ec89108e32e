import { throwRefusal } from '@vigil/config';
import { Incident } from '@vigil/contracts';
import { LifecycleResult } from './lifecycle-result';

/** The HTTP answer to a command: the incident after it (200), or the refusal's (see throwRefusal). */
export function answerCommand(result: LifecycleResult): Incident {
  if (result.kind === 'changed') return result.incident;
  return throwRefusal(result);
}
