import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { KnowledgeBaseError } from './errors.js';
import { yamlFileNames, type KnowledgeDirs } from './load.js';
import { buildKnowledgeBase, type ParsedFile } from './validate.js';

export type EditResult = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly error: string };

function readDir(dir: string, base: string): { path: string; file: string; text: string }[] {
  return yamlFileNames(dir).map((n) => ({ path: join(dir, n), file: relative(base, join(dir, n)), text: readFileSync(join(dir, n), 'utf8') }));
}

const parse = (f: { file: string; text: string }): ParsedFile => ({ file: f.file, data: yaml.load(f.text, { schema: yaml.CORE_SCHEMA }) });

/**
 * Adds an example utterance to an intent in its `intents/` file, as an advisor asks from Slack.
 * The edited file is validated with the whole knowledge base before it is written (atomically), so
 * a bad addition (a duplicate, say) is refused and nothing changes; comments and layout are kept.
 */
export function addUtterance(dirs: KnowledgeDirs, intentId: string, utterance: string): EditResult {
  const text = utterance.replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, error: 'the utterance is empty' };
  // Ids are dotted words (the schema's rule); anything else names no intent and never reaches a regular expression.
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i.test(intentId)) return { ok: false, error: `"${intentId.slice(0, 60)}" is not an intent id` };
  const base = join(dirs.knowledgeDir, '..');
  const intentFiles = readDir(dirs.intentsDir, base);
  const idLine = new RegExp(`^(\\s*)- id: ${intentId.replace(/\./g, '\\.')}\\s*$`, 'm');
  const target = intentFiles.find((f) => idLine.test(f.text));
  if (!target) return { ok: false, error: `no intent "${intentId}" in ${relative(base, dirs.intentsDir)}/` };
  // The same example twice says nothing new (a double-click, a form sent again): refused, nothing written.
  const same = (u: unknown) => typeof u === 'string' && u.replace(/\s+/g, ' ').trim().toLowerCase() === text.toLowerCase();
  const existing = (parse(target).data as { intents?: { id?: string; utterances?: unknown[] }[] } | null)?.intents?.find((i) => i.id === intentId);
  if (existing?.utterances?.some(same)) return { ok: false, error: `"${text.slice(0, 60)}" is already an example of ${intentId}` };

  const lines = target.text.split('\n');
  const start = lines.findIndex((l) => idLine.test(l));
  const indent = idLine.exec(lines[start]!)![1]!.length;
  let at = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*- id: /.test(line) && line.indexOf('-') <= indent) break;
    if (/^\s*utterances:\s*$/.test(line)) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ok: false, error: `intent "${intentId}" has no block list of utterances to add to` };
  const itemIndent = (lines[at + 1] ?? '').match(/^(\s*)- /)?.[1] ?? `${' '.repeat(indent + 4)}`;
  lines.splice(at + 1, 0, `${itemIndent}- ${JSON.stringify(text)}`);
  const edited = lines.join('\n');

  try {
    buildKnowledgeBase(
      readDir(dirs.knowledgeDir, base).map(parse),
      intentFiles.map((f) => parse(f === target ? { file: f.file, text: edited } : f)),
      { minUtterances: dirs.minUtterances },
    );
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return { ok: false, error: error.problems.map((p) => p.message).join('; ') };
    return { ok: false, error: (error as Error).message };
  }
  const tmp = `${target.path}.tmp-${process.pid}`;
  writeFileSync(tmp, edited);
  renameSync(tmp, target.path);
  return { ok: true, file: target.file };
}
