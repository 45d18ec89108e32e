import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, Plugin } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const CONSOLE = join(ROOT, 'apps', 'dashboard', 'console');
const OUT_FILE = join(ROOT, 'apps', 'dashboard', 'public', 'app.js');

/**
 * The console validates nothing with zod: the server does, and zod's classic build with its
 * locales is ~190–460 kB minified, more than the whole console. A contracts import that would pull
 * it in (a schema, or a constant from a schema file) fails the build instead of growing the bundle.
 */
const noZod: Plugin = {
  name: 'no-zod-in-the-browser',
  setup(builder) {
    builder.onResolve({ filter: /^zod(\/|$)/ }, (args) => ({
      errors: [{ text: `${args.importer} would bundle zod into the console: import types (import type) or a zod-free contracts file` }],
    }));
  },
};

/**
 * Bundles the operator console (apps/dashboard/console, preact + TSX) into the static folder the
 * dashboard serves, as app.js beside index.html. Run by `npm run build` after tsc.
 */
export async function buildConsole(): Promise<{ bytes: number; gzipBytes: number }> {
  await build({
    entryPoints: [join(CONSOLE, 'main.tsx')],
    outfile: OUT_FILE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari15'],
    minify: true,
    sourcemap: 'linked',
    tsconfig: join(CONSOLE, 'tsconfig.json'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noZod],
  });
  const bytes = statSync(OUT_FILE).size;
  return { bytes, gzipBytes: gzipSync(readFileSync(OUT_FILE)).byteLength };
}

if (require.main === module) {
  buildConsole().then(
    ({ bytes, gzipBytes }) => console.log(`console: apps/dashboard/public/app.js ${(bytes / 1024).toFixed(1)} kB (${(gzipBytes / 1024).toFixed(1)} kB gzip)`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
