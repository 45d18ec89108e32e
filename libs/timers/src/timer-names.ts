/** The Postgres schema that holds an app's timers, beside the app's own schema. */
export function timersSchemaFor(appSchema: string): string {
  return `${appSchema}_timers`;
}

/** The library's job key of a timer: kinds have their own key spaces, so two kinds never replace each other. */
export function jobKey(kind: string, key: string): string {
  return `${kind}:${key}`;
}

const KIND = /^[a-z][a-z0-9-]*$/;

/** Checks a timer kind is a plain kebab-case word (it is also the library's task name and a log label). */
export function assertTimerKind(kind: string): string {
  if (!KIND.test(kind)) throw new Error(`timer kind "${kind}" must be kebab-case: lower-case letters, digits and "-"`);
  return kind;
}
