import type { ConfigError } from '../domain/routing/config-error';
import type { SilenceView } from './silence-view';

/** What came of creating or expiring a silence: the silence as it is now, or why not. */
export type SilenceResult =
  | { kind: 'saved'; silence: SilenceView }
  | { kind: 'invalid'; errors: ConfigError[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; id: string };
