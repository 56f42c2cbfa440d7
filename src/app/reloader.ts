import { watch, type FSWatcher } from 'node:fs';
import type { Engine } from '../engine/engine.js';
import { loadEngine } from './knowledge.js';
import { KnowledgeBaseError, formatProblem } from '../kb/errors.js';
import type { KnowledgeDirs } from '../kb/load.js';
import type { Logger } from '../log/logger.js';

export interface Reloader {
  /** The engine over the last knowledge base that validated. */
  readonly engine: () => Engine;
  /** Loads the knowledge base again now; false (and the old engine kept) when it is broken. */
  reload(): boolean;
  close(): void;
}

/**
 * Serves the last good knowledge base and reloads it when a file under `knowledge/` or `intents/`
 * changes (debounced). A broken edit is refused, logged with its file and path, and the running
 * app keeps answering from the previous version.
 */
export function createReloader(dirs: Omit<KnowledgeDirs, 'minUtterances'>, logger: Logger, options: { watch?: boolean; debounceMs?: number; onReload?: (engine: Engine) => void } = {}): Reloader {
  const build = (): Engine => loadEngine(dirs);
  let current = build();
  const reload = (): boolean => {
    try {
      current = build();
      logger.info({ intents: current.kb.intents.length }, 'knowledge base reloaded');
      options.onReload?.(current);
      return true;
    } catch (error) {
      const problems = error instanceof KnowledgeBaseError ? error.problems.map(formatProblem) : [(error as Error).message];
      logger.error({ problems }, 'knowledge base edit refused; still serving the last good version');
      return false;
    }
  };
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    for (const dir of [dirs.knowledgeDir, dirs.intentsDir]) {
      const w = watch(dir, (_event, file) => {
        if (file && !/\.ya?ml$/.test(String(file))) return;
        clearTimeout(timer);
        timer = setTimeout(reload, options.debounceMs ?? 300);
      });
      w.on('error', (error) => logger.warn({ err: error, dir }, 'cannot watch the knowledge base; edits need a restart'));
      watchers.push(w);
    }
  }
  return {
    engine: () => current,
    reload,
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
