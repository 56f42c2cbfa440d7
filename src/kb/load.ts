import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { KnowledgeBase } from '../engine/types.js';
import { KnowledgeBaseError, messages, type Problem } from './errors.js';
import { buildKnowledgeBase, type ParsedFile } from './validate.js';

export interface KnowledgeDirs {
  /** Folder of career facts (`knowledge/`). */
  readonly knowledgeDir: string;
  /** Folder of intents, negatives and the lexicon (`intents/`). */
  readonly intentsDir: string;
  readonly minUtterances: number;
}

/** The YAML files of a folder, sorted by name (the order files are read and reported in). */
export function yamlFileNames(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
}

function readYamlDir(dir: string, base: string, problems: Problem[]): ParsedFile[] {
  let names: string[];
  try {
    names = yamlFileNames(dir);
  } catch (error) {
    problems.push({ file: relative(base, dir) || dir, path: '', message: messages.unreadable((error as Error).message) });
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const file = relative(base, path);
    try {
      return [{ file, data: yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA, filename: file }) as unknown }];
    } catch (error) {
      problems.push({ file, path: '', message: messages.yamlSyntax((error as Error).message.split('\n')[0]!) });
      return [];
    }
  });
}

/** The file of occupation titles in a knowledge folder (O*NET-SOC, tab-separated `soc_code`, `title`). */
export const OCCUPATIONS_FILE = 'occupations.tsv';

/** Reads `occupations.tsv` of a knowledge folder; none when the folder has no such file. */
export function readOccupationTitles(dir: string, base: string, problems: Problem[]): { soc: string; title: string }[] {
  const path = join(dir, OCCUPATIONS_FILE);
  if (!existsSync(path)) return [];
  const file = relative(base, path);
  const out: { soc: string; title: string }[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (i === 0 || line.trim() === '') return;
      const [soc, title] = line.split('\t').map((c) => c.trim());
      if (!soc || !title || !/^\d{2}-\d{4}\.\d{2}$/.test(soc)) problems.push({ file, path: `line ${i + 1}`, message: messages.badOccupationLine() });
      else out.push({ soc, title });
    });
  return out;
}

/** Reads and validates `knowledge/` and `intents/`; throws KnowledgeBaseError listing every problem. */
export function loadKnowledgeBase(dirs: KnowledgeDirs): KnowledgeBase {
  const base = join(dirs.knowledgeDir, '..');
  const problems: Problem[] = [];
  const knowledgeFiles = readYamlDir(dirs.knowledgeDir, base, problems);
  const intentFiles = readYamlDir(dirs.intentsDir, base, problems);
  const occupationTitles = readOccupationTitles(dirs.knowledgeDir, base, problems);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return buildKnowledgeBase(knowledgeFiles, intentFiles, { minUtterances: dirs.minUtterances, occupationTitles });
}
