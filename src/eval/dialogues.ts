import { NONE, type ConversationContext } from '../engine/types.js';
import { isLabel, matchesLabel, parseJsonLines } from './evaluate.js';

/** One turn of a labelled conversation; `context: true` marks a follow-up that needs the turns before it. */
export interface LabelledTurn {
  readonly text: string;
  readonly intent: string | readonly string[];
  readonly context?: boolean;
}

export interface LabelledDialogue {
  readonly id: string;
  readonly turns: readonly LabelledTurn[];
}

export interface DialogueMiss {
  readonly dialogue: string;
  readonly turn: number;
  readonly text: string;
  readonly followUp: boolean;
  readonly expected: readonly string[];
  readonly predicted: string;
  /** The topic the conversation had before this turn. */
  readonly context?: string;
}

export interface DialogueReport {
  readonly dialogues: number;
  readonly turns: number;
  readonly followUps: number;
  /** Share of follow-up turns (in scope or not) answered right. */
  readonly followUpAccuracy: number;
  readonly standalone: number;
  readonly standaloneAccuracy: number;
  /** Follow-ups that must fall back, and the share that did. */
  readonly oosFollowUps: number;
  readonly oosFollowUpRecall: number;
  readonly misses: readonly DialogueMiss[];
}

/** Whether a JSON Lines source holds dialogues (`{"id", "turns": [...]}`) rather than single questions. */
export function isDialogueSource(source: string): boolean {
  const first = source.split('\n').find((l) => l.trim() !== '');
  try {
    return first !== undefined && Array.isArray((JSON.parse(first) as { turns?: unknown }).turns);
  } catch {
    return false;
  }
}

/** Parses JSON Lines of dialogues; names the line of any bad one. */
export function parseDialogues(source: string, name: string): LabelledDialogue[] {
  const shape = '{"id": "...", "turns": [{"text": "...", "intent": "...", "context": true}]}';
  return parseJsonLines(source, name, shape, (value, n) => {
    const d = value as { id?: unknown; turns?: unknown };
    if (!Array.isArray(d.turns) || d.turns.length === 0) throw new Error(`${name}:${n}: each line must be ${shape}`);
    const turns = d.turns.map((t: { text?: unknown; intent?: unknown; context?: unknown }) => {
      if (typeof t.text !== 'string' || !isLabel(t.intent)) throw new Error(`${name}:${n}: each line must be ${shape}`);
      return { text: t.text, intent: t.intent, context: t.context === true };
    });
    return { id: typeof d.id === 'string' ? d.id : `line ${n}`, turns };
  });
}

/**
 * Plays each conversation turn by turn, passing the context each decision returns to the next,
 * and scores follow-ups and standalone turns apart.
 */
export function evaluateDialogues(
  dialogues: readonly LabelledDialogue[],
  decide: (text: string, context?: ConversationContext) => { intent: string; context?: ConversationContext },
): DialogueReport {
  const tally = { turns: 0, follow: 0, followRight: 0, alone: 0, aloneRight: 0, oos: 0, oosRight: 0 };
  const misses: DialogueMiss[] = [];
  for (const dialogue of dialogues) {
    let context: ConversationContext | undefined;
    dialogue.turns.forEach((turn, i) => {
      const expected = typeof turn.intent === 'string' ? [turn.intent] : [...turn.intent];
      const decision = decide(turn.text, context);
      const right = expected.some((label) => matchesLabel(decision.intent, label));
      tally.turns++;
      if (turn.context) {
        tally.follow++;
        if (right) tally.followRight++;
        if (expected.includes(NONE)) {
          tally.oos++;
          if (right) tally.oosRight++;
        }
      } else {
        tally.alone++;
        if (right) tally.aloneRight++;
      }
      if (!right) {
        misses.push({ dialogue: dialogue.id, turn: i + 1, text: turn.text, followUp: turn.context === true, expected, predicted: decision.intent, ...(context ? { context: context.intent } : {}) });
      }
      context = decision.context;
    });
  }
  const share = (n: number, of: number) => (of ? n / of : 1);
  return {
    dialogues: dialogues.length,
    turns: tally.turns,
    followUps: tally.follow,
    followUpAccuracy: share(tally.followRight, tally.follow),
    standalone: tally.alone,
    standaloneAccuracy: share(tally.aloneRight, tally.alone),
    oosFollowUps: tally.oos,
    oosFollowUpRecall: share(tally.oosRight, tally.oos),
    misses,
  };
}
