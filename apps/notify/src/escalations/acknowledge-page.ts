/** Escapes text for HTML: the page shows a fingerprint and receiver from the (signed) link. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page a person on a phone can read and press: no scripts, no external assets. */
export function acknowledgePage(page: { title: string; message: string; confirm?: boolean }): string {
  const button = page.confirm ? `<form method="post"><button type="submit">Acknowledge</button></form>` : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(page.title)} · Vigil</title>
<style>body{font:18px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem;color:#111}button{font:inherit;padding:.75rem 1.5rem;background:#0b5394;color:#fff;border:0;border-radius:.3rem}</style>
</head><body><main><h1>${escape(page.title)}</h1><p>${escape(page.message)}</p>${button}</main></body></html>`;
}
