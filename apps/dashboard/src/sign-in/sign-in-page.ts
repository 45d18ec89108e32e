import { RefusalReason } from './claims-to-principal';

/** What a refused person reads; the reason itself goes to the log for the administrator. */
export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  'no-matching-group': 'Your account has no Vigil role. Ask your administrator to add you to a Vigil group.',
  'no-groups-claim': 'Your account has no Vigil role. Ask your administrator to add you to a Vigil group.',
  'conflicting-groups': 'Your account is in groups for more than one Vigil role or partner. Ask your administrator to leave only one.',
  'groups-overage':
    'Your account is in too many groups for the identity provider to list them. Ask your administrator to send only the groups assigned to Vigil.',
  'no-subject': 'Your identity provider did not say who you are. Ask your administrator to check Vigil\'s sign-in settings.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small page explaining why sign-in did not work, with a way back. */
export function signInProblemPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vigil — ${escapeHtml(title)}</title><link rel="stylesheet" href="/app.css"></head>
<body>
  <header><h1>Vigil <span>sign-in</span></h1></header>
  <main><h2>${escapeHtml(title)}</h2><p id="sign-in-problem">${escapeHtml(message)}</p><p><a href="/">Back to Vigil</a></p></main>
</body>
</html>
`;
}
