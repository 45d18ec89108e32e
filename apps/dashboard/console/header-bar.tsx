import type { FeedStatus } from './live-feed';

interface Props {
  /** Which console: the operator's or the contractor's. */
  title?: string;
  who: string;
  status: FeedStatus;
  canSignOut: boolean;
  onSignOut: () => void;
  sound: { on: boolean; toggle: () => void } | null;
}

/** Who is signed in, whether the board is live, the alert sound switch and sign-out. */
export function HeaderBar({ title = 'operator console', who, status, canSignOut, onSignOut, sound }: Props) {
  return (
    <header>
      <h1>
        Vigil <span>{title}</span>
      </h1>
      <div id="who">{who}</div>
      <div id="status" class={`status ${status.kind}`} role="status">
        {status.text}
      </div>
      {sound && (
        <button type="button" id="sound" class="quiet" aria-pressed={sound.on} onClick={sound.toggle}>
          {sound.on ? 'Grade 1 sound on' : 'Enable grade 1 sound'}
        </button>
      )}
      <button id="sign-out" type="button" hidden={!canSignOut} onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
