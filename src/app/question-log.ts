import { createHash, randomBytes } from 'node:crypto';
import type { Decision } from '../engine/types.js';
import { redact } from '../engine/privacy.js';
import { stripSlackMarkup } from '../engine/normalize.js';
import type { Logger } from '../log/logger.js';

/** A salted hash of a person's id: the same person gets the same key, and the id itself is never kept. */
export function userKeyer(salt: string = randomBytes(16).toString('hex')): (id: string) => string {
  return (id) => createHash('sha256').update(`${salt}:${id}`).digest('hex').slice(0, 16);
}

/**
 * How a question may appear in logs and stores: Slack markup and extra spaces removed, redacted,
 * and withheld entirely when it held patient identifiers.
 */
export function loggableQuestion(decision: Decision, maxChars = 300): string {
  if (decision.kind === 'privacy') return '[withheld: patient identifiers]';
  const plain = stripSlackMarkup(decision.text.slice(0, maxChars * 4)).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return redact(plain).slice(0, maxChars);
}

/** Logs one answered question: channel, anonymous user key, outcome, and the redacted question. */
export function logQuestion(logger: Logger, channel: string, userKey: string, decision: Decision): void {
  logger.info(
    { channel, user: userKey, kind: decision.kind, intent: decision.intent, confidence: decision.confidence, question: loggableQuestion(decision) },
    'question',
  );
}
