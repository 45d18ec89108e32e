import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { PARTNERSHIP_ROUTING } from '../testing/routing-fixtures';
import { readRoutingFile } from './read-routing-file';

const dir = mkdtempSync(join(tmpdir(), 'vigil-routing-file-'));
const fileWith = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readRoutingFile', () => {
  it.each([
    ['YAML', 'routing.yaml', dump(PARTNERSHIP_ROUTING)],
    ['JSON', 'routing.json', JSON.stringify(PARTNERSHIP_ROUTING)],
  ])('reads %s as written (durations unparsed, to be stored and shown so)', (_format, name, text) => {
    const path = fileWith(name, text);
    expect(readRoutingFile(path)).toEqual({ path, content: PARTNERSHIP_ROUTING });
  });

  it('stops start-up with every error at its path', () => {
    const broken = { ...PARTNERSHIP_ROUTING, defaults: { groupWait: 'soon' }, rules: PARTNERSHIP_ROUTING.rules.map((rule, i) => (i === 1 ? { ...rule, receiver: 'nobody' } : rule)) };
    const path = fileWith('broken.yaml', dump(broken));
    expect(() => readRoutingFile(path)).toThrow(/broken\.yaml is refused:\n {2}defaults\.groupWait: a duration such as 30s/);
  });

  it.each([
    ['a missing file', join(dir, 'absent.yaml'), /absent\.yaml cannot be read/],
    ['neither YAML nor JSON', fileWith('garbled.yaml', 'rules: [unclosed'), /garbled\.yaml is neither YAML nor JSON/],
  ])('stops start-up on %s', (_case, path, message) => {
    expect(() => readRoutingFile(path)).toThrow(message);
  });
});
