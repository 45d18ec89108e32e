/**
 * A small YAML 1.2 emitter for JSON-like data (objects, arrays, strings, finite numbers, booleans,
 * null), written for the generated docs: block style throughout, strings plain only where no
 * YAML 1.1 or 1.2 reader could take them for anything else, multi-line strings as literal blocks.
 * Anything it cannot represent exactly (undefined in an array, NaN, a function, a class instance)
 * is an error rather than a silent change.
 */

const INDENT = '  ';

/** Serialises `value` as a YAML document (no `---`, ends with a newline). */
export function toYaml(value: unknown): string {
  // A multi-line string at the root is double-quoted: a literal block needs a parent to indent from.
  if (isScalar(value) || isEmpty(value)) return `${inline(value, '')}\n`;
  return `${node(value, '', '').join('\n')}\n`;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The lines of a non-empty collection. `pad` is the indentation of its own lines; `path` names it in errors. */
function node(value: unknown, pad: string, path: string): string[] {
  if (Array.isArray(value)) return sequence(value, pad, path);
  if (isPlainObject(value)) return mapping(value, pad, path);
  throw new Error(`toYaml: cannot represent ${describe(value)} at ${path || '(root)'}`);
}

function mapping(object: Record<string, unknown>, pad: string, path: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue; // as JSON.stringify does
    const at = `${path}.${key}`;
    lines.push(...entry(`${pad}${scalar(key, at)}:`, value, pad, at));
  }
  if (lines.length === 0) throw new Error(`toYaml: internal: empty mapping at ${path || '(root)'} is written inline`);
  return lines;
}

function sequence(items: unknown[], pad: string, path: string): string[] {
  const lines: string[] = [];
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (item === undefined) throw new Error(`toYaml: cannot represent undefined at ${at}`);
    if (typeof item === 'string' && isMultiLine(item)) {
      lines.push(...entry(`${pad}-`, item, pad, at));
      return;
    }
    if (isScalar(item) || isEmpty(item)) {
      lines.push(`${pad}- ${inline(item, at)}`);
      return;
    }
    // A nested collection starts on the dash's line: "- key: value" / "- - item".
    const child = node(item, `${pad}${INDENT}`, at);
    child[0] = `${pad}- ${child[0].slice(pad.length + INDENT.length)}`;
    lines.push(...child);
  });
  return lines;
}

/** A mapping entry or sequence item whose head ("key:" or "-") is already written. */
function entry(head: string, value: unknown, pad: string, path: string): string[] {
  if (typeof value === 'string' && isMultiLine(value)) {
    return [`${head} ${literalHeader(value)}`, ...literalBody(value, `${pad}${INDENT}`)];
  }
  if (isScalar(value) || isEmpty(value)) return [`${head} ${inline(value, path)}`];
  return [head, ...node(value, `${pad}${INDENT}`, path)];
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.values(value).every((v) => v === undefined));
}

function inline(value: unknown, path: string): string {
  if (Array.isArray(value)) return '[]';
  if (isPlainObject(value)) return '{}';
  return scalar(value, path);
}

function scalar(value: unknown, path: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`toYaml: cannot represent ${value} at ${path}`);
    return Object.is(value, -0) ? '-0.0' : String(value);
  }
  if (typeof value === 'string') return quoteIfNeeded(value);
  throw new Error(`toYaml: cannot represent ${describe(value)} at ${path || '(root)'}`);
}

/** Words some YAML reader (1.1 or 1.2) takes for a boolean or null. */
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
/** Plain scalars start with a letter, `/` or `$` (never a number, indicator or `.inf`) and use only harmless characters. */
const PLAIN = /^[A-Za-z$/][A-Za-z0-9 $/_.()<>+=?;,@'-]*$/;
/** Characters YAML requires escaped (not c-printable), plus the line breaks YAML 1.1 also knows (NEL, LS, PS) and the BOM. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function quoteIfNeeded(text: string): string {
  const plain = PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') && !text.includes(' #');
  if (plain) return text;
  const double = doubleQuoted(text);
  if (/[\t\n\r]/.test(text) || hasEscapes(text)) return double;
  // Single quotes escape only themselves; prefer double quotes when that reads better ("it's").
  const single = `'${text.replace(/'/g, "''")}'`;
  return double.length < single.length ? double : single;
}

function hasEscapes(text: string): boolean {
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(text);
}

/** A double-quoted scalar: JSON's string escapes are all valid YAML escapes; YAML also wants a few more. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(NEEDS_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether a string is written as a literal block: it has a line break and nothing a literal block
 * cannot carry exactly (carriage returns, characters needing escapes, whitespace-only lines, which
 * a reader could take for indentation) and at least one line of text (an all-newline block reads as '').
 */
function isMultiLine(value: unknown): value is string {
  if (typeof value !== 'string' || !value.includes('\n')) return false;
  if (value.includes('\r') || hasEscapes(value)) return false;
  const lines = value.split('\n');
  return lines.some((line) => line !== '') && lines.every((line) => line === '' || /\S/.test(line));
}

/** `|`, `|-` or `|+` by trailing newlines, with an indentation indicator when the text starts with whitespace. */
function literalHeader(text: string): string {
  const trailing = /\n*$/.exec(text)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const firstLine = text.split('\n').find((line) => line !== '') ?? '';
  return `|${/^\s/.test(firstLine) ? INDENT.length : ''}${chomp}`;
}

function literalBody(text: string, pad: string): string[] {
  const body = text.replace(/\n+$/, (newlines) => newlines.slice(1));
  return body.split('\n').map((line) => (line === '' ? '' : `${pad}${line}`));
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `an instance of ${value.constructor?.name ?? 'an object'}`;
  return typeof value;
}
