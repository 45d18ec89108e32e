/**
 * Makes a new grade-1 incident impossible to miss when the operator is looking elsewhere: a tone
 * (once the operator has enabled sound: browsers only allow audio after a gesture), and the tab's
 * title and icon flashing until the page is looked at again.
 */
export class GradeOneAlert {
  private audio: AudioContext | null = null;
  private flashTimer: ReturnType<typeof setInterval> | undefined;
  private readonly baseTitle = document.title;

  get soundOn(): boolean {
    return this.audio !== null;
  }

  /** Called from the operator's click: creating the audio context inside a gesture is what browsers allow. */
  enableSound(): void {
    this.audio ??= new AudioContext();
    void this.audio.resume();
    this.tone(0.15);
  }

  disableSound(): void {
    void this.audio?.close();
    this.audio = null;
  }

  raise(reference: string): void {
    this.tone(0.6);
    this.flash(`GRADE 1 ${reference}`);
  }

  /** Stops the flashing (the operator is looking at the page). */
  settle(): void {
    clearInterval(this.flashTimer);
    this.flashTimer = undefined;
    document.title = this.baseTitle;
    setIcon(ICON);
  }

  private flash(text: string): void {
    clearInterval(this.flashTimer);
    let on = false;
    this.flashTimer = setInterval(() => {
      on = !on;
      document.title = on ? `(!) ${text}` : this.baseTitle;
      setIcon(on ? ALERT_ICON : ICON);
    }, 800);
    if (document.hasFocus()) setTimeout(() => this.settle(), 8000);
  }

  private tone(seconds: number): void {
    const audio = this.audio;
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.setValueAtTime(880, audio.currentTime);
    oscillator.frequency.setValueAtTime(660, audio.currentTime + seconds / 2);
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + seconds);
  }
}

const svgIcon = (fill: string, text: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${fill}"/><text x="16" y="23" font-size="20" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff">${text}</text></svg>`)}`;
/** The tab's usual icon. */
export const ICON = svgIcon('#2f6feb', 'V');
const ALERT_ICON = svgIcon('#d92d20', '1');

/** Sets the tab icon (a data: URL, which the page's CSP allows for images). */
export function setIcon(href: string): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  link.href = href;
}
