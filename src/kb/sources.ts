import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pageLines } from './import/page.js';

/**
 * Reads a fact source named by `ref` for the fidelity check: a path relative to the project (an
 * imported page) or to the folder above it (the seed page in ../shared), as text lines (HTML
 * pages without their markup). Undefined when the file is not there: the check then trusts the quote.
 */
export function sourceReader(knowledgeDir: string): (ref: string) => string | undefined {
  const project = dirname(knowledgeDir);
  return (ref) => {
    const candidates = isAbsolute(ref) ? [ref] : [join(project, ref), join(project, '..', ref)];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) return undefined;
    const text = readFileSync(file, 'utf8');
    return /\.html?$/i.test(file) ? pageLines(text).join('\n') : text;
  };
}
