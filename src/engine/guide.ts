import { normalize } from './normalize.js';
import type { Guide, GuideQuestion } from './types.js';

/** The choice value a reply picks: the value itself (a button), or a choice's label or one of its words typed. */
export function pickChoice(question: GuideQuestion, reply: string): string | undefined {
  const said = normalize(reply).replace(/[?;.!,]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!said) return undefined;
  const words = new Set(said.split(' '));
  for (const c of question.choices) if (said === normalize(c.value) || said === normalize(c.label).replace(/[?;.!,]/g, '').trim()) return c.value;
  const hits = question.choices.filter((c) =>
    (c.words ?? []).some((w) => {
      const n = normalize(w);
      return n.includes(' ') ? ` ${said} `.includes(` ${n} `) : words.has(n);
    }),
  );
  return hits.length === 1 ? hits[0]!.value : undefined;
}

/** Whether a reply asks to stop the guide. */
export function isCancel(reply: string): boolean {
  return /^(cancel|stop|quit|exit|never ?mind|nevermind)$/.test(normalize(reply).replace(/[?;.!,]/g, '').trim());
}

/** The first outcome whose conditions the answers meet, or the last outcome when none does. */
export function chooseOutcome(guide: Guide, answers: Readonly<Record<string, string>>): Guide['outcomes'][number] {
  return guide.outcomes.find((o) => Object.entries(o.when).every(([k, v]) => answers[k] === v)) ?? guide.outcomes[guide.outcomes.length - 1]!;
}
