#!/usr/bin/env node
import { checkDuplicates, checkFidelity } from '../kb/fidelity.js';
import { sourceReader } from '../kb/sources.js';
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadEngine, knowledgeDirs, PROJECT_ROOT } from '../app/knowledge.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../engine/config.js';
import type { Engine } from '../engine/engine.js';
import { evaluate, parseLabelled } from '../eval/evaluate.js';
import { evaluateDialogues, isDialogueSource, parseDialogues } from '../eval/dialogues.js';
import { KnowledgeBaseError } from '../kb/errors.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { staleFacts } from '../kb/validate.js';
import { decisionText, type TextStyle } from '../render/plain-text.js';
import { askResult, parseAskLine } from './json-lines.js';
import { ConversationService, memoryContexts } from '../app/conversation.js';
import { createEngine } from '../engine/engine.js';
import { knowledgeBaseFromCorpus, parseCorpus } from '../kb/corpus.js';

const USAGE = `faqbot: the career FAQ assistant in a terminal

  faqbot ask "question"        answer one question
  faqbot ask --json            read one question per stdin line, write one JSON object per line;
                               a line {"text": "...", "conversation": "c1"} is a turn of conversation c1
  faqbot chat                  a conversation: follow-ups in context (Ctrl-D or "quit" to leave)
  faqbot eval FILE.jsonl       in-scope accuracy, out-of-scope recall and each miss; on a dialogue
                               file ({"id","turns":[...]} lines), follow-up and standalone accuracy
  faqbot check [--max-age D]   validate knowledge/ and intents/; warn on facts older than D days
  faqbot import PAGE           read a career page (text, Markdown or HTML) into knowledge/ and intents/
                               (--knowledge DIR, --intents DIR to write elsewhere; --json for the report)
  faqbot admin-link [--base URL] a one-time sign-in link to the advisor dashboard (15 minutes, once)
  faqbot report [--days D]     what candidates asked over D days (default 30) from the question store
                               (DATA_DIR or DATABASE_URL); --json for one JSON object

  --train CORPUS.train.json    with ask or eval: build the engine from that training file alone
                               ({"intents": {"<intent>": ["utterance", ...]}}, "none" = must fall back)
`;

const style: TextStyle = process.stdout.isTTY ? { bold: (t) => `\x1b[1m${t}\x1b[22m` } : { bold: (t) => t };

async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) yield line;
}

/**
 * One answer per input line, in order. Lines of the same `conversation` are answered as one
 * conversation (its context kept in this process's memory), whatever lines of others come
 * between them; a plain line is a conversation of its own.
 */
async function askJson(engine: Engine): Promise<void> {
  const conversations = new ConversationService({ engine: () => engine, contexts: memoryContexts() });
  let n = 0;
  for await (const line of stdinLines()) {
    const { text, conversation } = parseAskLine(line);
    let out: string;
    try {
      const { decision } = await conversations.answer({ channel: 'cli', conversation: conversation === undefined ? `line:${++n}` : `c:${conversation}`, user: 'cli', text });
      out = JSON.stringify({ ...(conversation !== undefined ? { conversation } : {}), ...askResult(text, decision) });
    } catch (error) {
      out = JSON.stringify({ text, intent: 'none', confidence: 0, answer: '', alternatives: [], error: (error as Error).message });
    }
    process.stdout.write(`${out}\n`);
  }
}

async function chat(engine: Engine): Promise<void> {
  const conversations = new ConversationService({ engine: () => engine, contexts: memoryContexts() });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const prompt = (): void => {
    if (process.stdin.isTTY) rl.prompt();
  };
  rl.setPrompt('you> ');
  console.log('Ask about this career. Type "quit" to leave.');
  prompt();
  for await (const line of rl) {
    if (/^\s*(quit|exit)\s*$/i.test(line)) break;
    const { decision } = await conversations.answer({ channel: 'cli', conversation: 'chat', user: 'cli', text: line });
    console.log(`\n${decisionText(decision, style)}\n`);
    prompt();
  }
  rl.close();
}

function evalDialogues(engine: Engine, file: string, source: string, json: boolean): void {
  const report = evaluateDialogues(parseDialogues(source, file), (t, c) => engine.decide(t, c));
  if (json) {
    console.log(JSON.stringify({ eval: file, ...report }));
    return;
  }
  for (const m of report.misses) {
    const where = `${m.dialogue} turn ${m.turn}${m.followUp ? ` (follow-up after ${m.context ?? 'nothing'})` : ''}`;
    console.log(`miss: ${where}: ${JSON.stringify(m.text)} expected ${m.expected.join('|')} got ${m.predicted}`);
  }
  console.log(`dialogues: ${report.dialogues} (${report.turns} turns: ${report.followUps} follow-ups, ${report.standalone} standalone)`);
  console.log(`follow-up accuracy: ${report.followUpAccuracy.toFixed(3)}`);
  console.log(`standalone accuracy: ${report.standaloneAccuracy.toFixed(3)}`);
  console.log(`out-of-scope follow-ups caught: ${Math.round(report.oosFollowUpRecall * report.oosFollowUps)}/${report.oosFollowUps}`);
}

function evalFile(engine: Engine, file: string, json: boolean): void {
  const source = readFileSync(file, 'utf8');
  if (isDialogueSource(source)) return evalDialogues(engine, file, source, json);
  const report = evaluate(parseLabelled(source, file), (t) => engine.decide(t));
  if (json) {
    console.log(JSON.stringify({ eval: file, ...report }));
    return;
  }
  for (const m of report.misses) {
    console.log(`miss: ${JSON.stringify(m.text)} expected ${m.expected.join('|')} got ${m.predicted} (${m.confidence.toFixed(2)})`);
  }
  console.log(`questions: ${report.total} (${report.inScope} in scope, ${report.outOfScope} out of scope)`);
  console.log(`in-scope accuracy: ${report.inScopeAccuracy.toFixed(3)}`);
  console.log(`out-of-scope recall: ${report.oosRecall.toFixed(3)}`);
  console.log(`false fallbacks: ${report.falseFallbacks}`);
  console.log(`asked back with the right topic among the choices (counted as misses): ${report.askedBack}`);
}

/** `faqbot check`: validates the knowledge base and its fidelity to the sources; 1 when any problem is found. */
function check(maxAgeDays: number): number {
  const dirs = knowledgeDirs();
  const kb = loadKnowledgeBase(dirs);
  const utterances = kb.intents.reduce((n, i) => n + i.utterances.length, 0);
  console.log(
    `ok: ${Object.keys(kb.knowledge.facts).length} facts, ${kb.intents.length} intents, ` +
      `${utterances} utterances, ${kb.negatives.length} fallback examples`,
  );
  for (const fact of staleFacts(kb.knowledge, maxAgeDays, new Date())) {
    console.log(`warning: fact "${fact.id}" was last checked ${fact.asOf}, more than ${maxAgeDays} days ago: re-check it against its source`);
  }
  // Every sentence the bot says is on the page, and each fact is written once.
  const problems = [...checkFidelity(kb, sourceReader(dirs.knowledgeDir)), ...checkDuplicates(kb)];
  for (const p of problems) console.log(`problem: ${p}`);
  if (problems.length > 0) {
    console.log(`${problems.length} problem(s): the knowledge base says something its source does not, or says one thing twice`);
    return 1;
  }
  return 0;
}

async function report(days: number, json: boolean): Promise<void> {
  await import('dotenv/config');
  const { readConfig } = await import('../config/env.js');
  const { openStore } = await import('../store/open.js');
  const { buildReport } = await import('../insights/report.js');
  const { reportText } = await import('../insights/report-text.js');
  const config = readConfig();
  const store = await openStore(config);
  try {
    const now = Date.now();
    const r = buildReport(await store.since(now - days * 86_400_000), loadEngine(), { now, days });
    console.log(json ? JSON.stringify(r) : reportText(r));
  } finally {
    await store.close();
  }
}

/** Prints a one-time sign-in link to the advisor dashboard (15 minutes, single use, kept in the store). */
async function adminLink(base: string | undefined): Promise<void> {
  await import('dotenv/config');
  const { readConfig } = await import('../config/env.js');
  const { openStore } = await import('../store/open.js');
  const { SignInLinks, LINK_TTL_MS } = await import('../admin/links.js');
  const { Once } = await import('../app/once.js');
  const config = readConfig();
  const root = (base ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(root)) throw new Error(`--base must be the dashboard's address such as https://faq.example.org, not "${base}"`);
  const store = await openStore(config);
  try {
    const token = await new SignInLinks(store, new Once(store)).issue('CLI');
    console.log(`${root}/admin/login?token=${token}`);
    console.log(`(works once, for ${LINK_TTL_MS / 60_000} minutes; the store is ${store.kind})`);
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'max-age': { type: 'string' },
      days: { type: 'string' },
      base: { type: 'string' },
      train: { type: 'string' },
      knowledge: { type: 'string' },
      intents: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  const engineFor = (): Engine =>
    values.train ? createEngine(knowledgeBaseFromCorpus(parseCorpus(JSON.parse(readFileSync(values.train, 'utf8')), values.train))) : loadEngine();
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'check': {
      const maxAge = values['max-age'] === undefined ? DEFAULT_CONFIG.factMaxAgeDays : Number(values['max-age']);
      if (!Number.isFinite(maxAge) || maxAge < 0) throw new Error(`--max-age takes a number of days, not "${values['max-age']}"`);
      return check(maxAge);
    }
    case 'ask': {
      const engine = engineFor();
      if (values.json) await askJson(engine);
      else if (rest.length === 0) throw new Error('ask needs a question: faqbot ask "how much do they earn?" (or --json to read stdin)');
      else console.log(decisionText(engine.decide(rest.join(' ')), style));
      return 0;
    }
    case 'chat':
      await chat(loadEngine());
      return 0;
    case 'eval': {
      if (!rest[0]) throw new Error('eval needs a file: faqbot eval ../shared/eval/dev.jsonl');
      evalFile(engineFor(), rest[0], Boolean(values.json));
      return 0;
    }
    case 'import': {
      if (!rest[0]) throw new Error('import needs a career page: faqbot import PAGE [--knowledge DIR] [--intents DIR]');
      const { importCareerPage } = await import('../kb/import/write.js');
      const dirs = knowledgeDirs();
      const r = importCareerPage({
        page: rest[0],
        knowledgeDir: values.knowledge ?? dirs.knowledgeDir,
        intentsDir: values.intents ?? dirs.intentsDir,
        productIntentsDir: join(PROJECT_ROOT, 'intents'),
        minUtterances: dirs.minUtterances,
      });
      if (values.json) console.log(JSON.stringify(r));
      else {
        console.log(`imported ${r.title} (${r.career}${r.prefix ? `, ids prefixed "${r.prefix}"` : ''}): ${r.facts} facts, ${r.intents} intents, ${r.utterances} utterances`);
        console.log(r.changed.length > 0 ? `wrote ${r.changed.join(', ')}` : 'nothing changed: the files already say what the page says');
        for (const part of r.missing) console.log(`missing: the page has no ${part}`);
        for (const line of r.unread) console.log(`unread: ${JSON.stringify(line.slice(0, 120))}`);
      }
      return 0;
    }
    case 'admin-link':
      await adminLink(values.base);
      return 0;
    case 'report': {
      const days = values.days === undefined ? 30 : Number(values.days);
      if (!Number.isInteger(days) || days < 1) throw new Error(`--days takes a whole number of days, not "${values.days}"`);
      await report(days, Boolean(values.json));
      return 0;
    }
    default:
      process.stderr.write(`faqbot: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`faqbot: ${error instanceof KnowledgeBaseError ? error.message : (error as Error).message}\n`);
    process.exitCode = 1;
  },
);
