/**
 * Writes docs/asyncapi.yaml from the contracts.
 *   npm run build && node dist/scripts/write-asyncapi.js
 * Runs from the build output (dist/scripts), so the repository root is two levels up.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, relative, resolve } from 'path';
import { asyncApiYaml } from './asyncapi-document';

const root = resolve(__dirname, '..', '..');
if (!existsSync(resolve(root, 'package.json'))) {
  process.stderr.write(`write-asyncapi: expected the repository root at ${root}; run it as node dist/scripts/write-asyncapi.js after npm run build\n`);
  process.exit(2);
}
const target = resolve(root, 'docs', 'asyncapi.yaml');
const yaml = asyncApiYaml();
const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, yaml);
process.stdout.write(`${relative(process.cwd(), target) || target}: ${before === yaml ? 'unchanged' : 'written'} (${yaml.length} bytes)\n`);
