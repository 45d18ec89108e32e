/** The console's keys, shown on the page by ShortcutsHelp and handled by App. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: 'j / k', what: 'next / previous incident on the board' },
  { keys: 'Enter', what: 'open the selected incident' },
  { keys: 'a', what: 'acknowledge the selected incident' },
  { keys: 'Esc', what: 'close the incident pane' },
  { keys: '/', what: 'search by reference or text' },
  { keys: '?', what: 'show these shortcuts' },
];

/** True when a key press belongs to a form field, not to the console's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
