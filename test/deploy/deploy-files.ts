import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';

/** The repository root, for tests that read deploy/ and apps/ as files. */
export const ROOT = join(__dirname, '..', '..');

/** Every file below a folder of the repository whose name matches, as repository-relative paths. */
export function filesUnder(folder: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name)) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, folder));
  return found.sort();
}

/** A Kubernetes object as far as these tests look into it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  // The manifests are checked field by field below; their full schema is the API server's business.
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Every YAML document of a file; throws with the file name when one does not parse. */
export function yamlDocuments(file: string): unknown[] {
  try {
    return loadAll(readFileSync(join(ROOT, file), 'utf8')).filter((doc) => doc !== null && doc !== undefined);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** The text of a repository file. */
export function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}
