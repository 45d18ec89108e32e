/** The payload formats carried inside DC-09. */
export type AlarmProtocol = 'SIA-DCS' | 'ADM-CID';

/** New event, its restore, or a condition still present (Contact ID qualifiers 1, 3, 6). */
export type Qualifier = 'new' | 'restore' | 'status';

/** One event reported by a panel, before it is classified. */
export interface AlarmSignal {
  protocol: AlarmProtocol;
  /** SIA two-letter code, or Contact ID three-digit event code. */
  code: string;
  qualifier: Qualifier;
  zone?: number;
  user?: number;
  partition?: number;
  /** What the code means, from the reference tables. */
  description: string;
  /** Free text the panel sent with the event, if any. */
  text?: string;
  /** Set when the code is in no reference table and the receiver was told to accept it anyway. */
  unknownCode?: true;
}

/** Result of reading a data block into signals. */
export type PayloadResult = { ok: true; signals: AlarmSignal[] } | { ok: false; reason: string };
