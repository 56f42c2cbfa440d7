#!/usr/bin/env node
import 'dotenv/config';
import { knowledgeDirs } from './app/knowledge.js';
import { createReloader } from './app/reloader.js';
import { startRetention } from './app/retention.js';
import { openStore } from './store/open.js';
import { addUtterance as addUtteranceToFile } from './kb/edit.js';
import { startApp } from './app/start.js';
import { ConfigError, readConfig } from './config/env.js';
import { KnowledgeBaseError } from './kb/errors.js';
import { createLogger, scrubSecrets } from './log/logger.js';
import { installLastResort } from './app/last-resort.js';
import { withSharedSecrets } from './app/secrets.js';

/** `npm start`: validates configuration and knowledge, then serves every enabled channel on one port. */
async function main(): Promise<void> {
  const configured = readConfig();
  const logger = createLogger(configured.logLevel);
  installLastResort(logger);
  const knowledge = createReloader(knowledgeDirs(), logger);
  const store = await openStore(configured, (error) => logger.warn({ err: error }, 'a store connection failed; the next query opens another'));
  const config = await withSharedSecrets(configured, store);
  const retention = startRetention(store, config.retentionDays, logger);
  const addUtterance = (intentId: string, utterance: string) => {
    const result = addUtteranceToFile(knowledgeDirs(), intentId, utterance);
    if (result.ok) knowledge.reload();
    return result;
  };
  const app = await startApp({ config, engine: knowledge.engine, logger, store, addUtterance });
  const slack = config.slack ? `Slack (${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP at ${app.url}slack/events`})` : 'no Slack (credentials not set)';
  process.stdout.write(`faqbot web chat: ${app.url}\nSlack: ${slack}\nHealth: ${app.url}healthz\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests under way get a few seconds to finish (see startApp's close); past 8 s, exit anyway.
    const force = setTimeout(() => process.exit(1), 8000);
    force.unref();
    knowledge.close();
    clearInterval(retention);
    app
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof KnowledgeBaseError ? error.message : `could not start: ${(error as Error).message}`;
  process.stderr.write(`faqbot: ${scrubSecrets(message)}\n`);
  process.exit(1);
});
