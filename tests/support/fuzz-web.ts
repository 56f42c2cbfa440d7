import fc from 'fast-check';
import { INTENT_IDS, request } from './fuzz-server.js';

/** Questions, guide answers and commands a real visitor types. */
export const QUESTIONS = ['what do beginners earn?', 'do I need a degree?', 'salary', 'hi', 'thanks', 'what is the CPC?', 'is this patient care?', 'help'];
export const GUIDE_START = 'which certification fits me?';
const GUIDE_WORDS = ["Yes, I'm new", 'No, I have experience', 'Coding for billing and insurance', 'Managing health records and data', 'yes', 'no', 'coding', 'records', 'y', 'maybe'];
const CANCELS = ['cancel', 'Cancel', ' CANCEL ', 'stop', 'cancel please'];

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u3000', '\ufeff'), minLength: 1, maxLength: 20 });
/** Up to just over the 2,000-character limit, from a repeated random piece. */
const huge = fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1900, max: 2001 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Text of any shape: random (BMP, graphemes, lone surrogates), empty, blank, huge, real questions. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant(''),
  whitespace,
  { weight: 3, arbitrary: fc.constantFrom(...QUESTIONS, GUIDE_START, ...GUIDE_WORDS, ...CANCELS) },
  huge,
);
/** A value where a string belongs. */
export const notText = fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
const intent = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...INTENT_IDS) }, fc.string(), fc.string({ minLength: 95, maxLength: 130 }));

const message = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('message'), text: anyText }) },
  fc.record({ type: fc.oneof(fc.constant('message'), fc.string(), notText), text: fc.oneof(anyText, notText), user: fc.string(), channel: fc.string() }, { requiredKeys: [] }),
);
/** `record`: "$seenN" is replaced by the Nth record id an earlier reply gave (see `runWeb`). */
const feedback = fc.record(
  {
    type: fc.constant('feedback'),
    intent: fc.oneof({ weight: 4, arbitrary: intent }, notText),
    helpful: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, notText),
    record: fc.oneof(fc.nat(5).map((n) => `$seen${n}`), fc.uuid(), fc.string(), notText),
  },
  { requiredKeys: ['type'] },
);
const topic = fc.record({ type: fc.constant('message'), text: fc.oneof(fc.constant(''), anyText), topic: fc.oneof({ weight: 3, arbitrary: intent }, notText) }, { requiredKeys: ['type', 'topic'] });
const guide = fc.constantFrom(GUIDE_START, ...GUIDE_WORDS, ...CANCELS).map((text) => ({ type: 'message', text }));
/** Bodies that are not a message object: not JSON, JSON of another shape, too large, wrong content type. */
const raw = fc.record({
  raw: fc.oneof(fc.constantFrom('null', '[]', '1', '"x"', 'true', '{}', '{', '', '{"type":"message","text":', '[{"type":"message","text":"hi"}]'), fc.string(), fc.json({ maxDepth: 2 }), fc.constant('$oversize')),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', ''),
});

export type WebBody = Record<string, unknown>;
export interface WebTurn {
  readonly visitor: number;
  /** keep the session cookie, drop it (a new session), or send a forged one. */
  readonly cookie: 'keep' | 'drop' | string;
  readonly body: WebBody;
}

const cookie = fc.oneof(
  { weight: 12, arbitrary: fc.constant('keep') },
  fc.constant('drop'),
  fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{0,60}$/).map((v) => `faq_session=${v}`),
  fc.base64String({ minLength: 24, maxLength: 24 }).map((id) => `faq_session=${id.replace(/[+/=]/g, '_')}.forgedsignature`),
);
const turn = fc.record({
  visitor: fc.nat(2),
  cookie,
  body: fc.oneof({ weight: 4, arbitrary: message }, { weight: 2, arbitrary: feedback }, { weight: 2, arbitrary: topic }, { weight: 3, arbitrary: guide }, raw),
});
/** One web sequence: 1-8 turns of up to three visitors. */
export const webSequence: fc.Arbitrary<WebTurn[]> = fc.array(turn, { minLength: 1, maxLength: 8 });

/** Sends a sequence like browsers would (cookies kept per visitor); returns requests that got no answer. */
export async function runWeb(base: string, turns: readonly WebTurn[]): Promise<string[]> {
  const visitors = [0, 1, 2].map(() => ({ cookie: '', records: [] as string[] }));
  const problems: string[] = [];
  for (const [n, t] of turns.entries()) {
    const v = visitors[t.visitor]!;
    if (t.cookie === 'drop') v.cookie = '';
    else if (t.cookie !== 'keep') v.cookie = t.cookie;
    let body: string;
    let contentType = 'application/json';
    if ('raw' in t.body) {
      body = t.body.raw === '$oversize' ? JSON.stringify({ type: 'message', text: 'a'.repeat(20_000) }) : String(t.body.raw);
      contentType = String(t.body.contentType);
    } else {
      const seen = typeof t.body.record === 'string' ? /^\$seen(\d)$/.exec(t.body.record) : null;
      const record = seen && v.records.length > 0 ? v.records[Number(seen[1]) % v.records.length] : undefined;
      body = JSON.stringify(seen ? { ...t.body, record: record ?? '00000000-0000-4000-8000-000000000000' } : t.body);
    }
    const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...(v.cookie ? { cookie: v.cookie } : {}) };
    const r = await request(`${base}api/messages`, { method: 'POST', headers, body });
    if ('error' in r) {
      problems.push(`turn ${n + 1} (POST /api/messages ${body.slice(0, 200)}): ${r.error}`);
      break;
    }
    if (r.setCookie) v.cookie = r.setCookie.split(';')[0]!;
    try {
      for (const reply of JSON.parse(r.text) as { record?: unknown }[]) if (typeof reply?.record === 'string') v.records.push(reply.record);
    } catch {
      // an error body or a non-array: no records to reuse
    }
  }
  return problems;
}
