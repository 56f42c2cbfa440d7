import { z } from 'zod/v3';

/** The one schema every knowledge and intent file is validated with. */

const id = z.string().regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i, 'must be dotted words such as "salary.entry"');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

const factValue = z.union([
  z.string().min(1),
  z.number(),
  z.array(z.string().min(1)).min(1),
  z.record(z.string(), z.string().min(1)),
]);

export const knowledgeFileSchema = z.strictObject({
  career: z.strictObject({
    id,
    title: text,
    /** The career center's category for it (the page's first line, "Healthcare"). */
    category: text.optional(),
    soc: z.array(z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code such as "29-2071.00"')).optional(),
    titles: z.array(id).optional(),
  }),
  sources: z.record(z.string(), z.strictObject({ title: text, ref: text })),
  defaults: z.strictObject({ source: z.string().optional(), asOf: date.optional() }).optional(),
  facts: z.record(
    id,
    z.strictObject({
      value: factValue,
      label: text.optional(),
      unit: text.optional(),
      source: z.string().optional(),
      asOf: date.optional(),
      /** The page's exact sentence(s) the fact comes from (checked by `faqbot check`). */
      quote: z.union([text, z.array(text).min(1)]).optional(),
    }),
  ),
  collections: z
    .record(
      z.string(),
      z.strictObject({ label: text, items: z.array(z.string()).min(1), columns: z.record(z.string(), text) }),
    )
    .optional(),
});

const variantSchema = z.strictObject({
  id,
  label: text.optional(),
  compare: z.string().optional(),
  guide: z.string().optional(),
  keywords: z.array(text).min(1),
  answer: z.string(),
});

export const intentSchema = z.strictObject({
  id,
  label: text,
  utterances: z.array(text),
  keywords: z.array(text).optional(),
  answer: z.string(),
  followUps: z.array(z.string()).max(3, 'takes at most 3 follow-ups').optional(),
  variants: z.array(variantSchema).optional(),
  smallTalk: z.boolean().optional(),
  /** Answering it ends the conversation's context ("start over"). */
  clearsContext: z.boolean().optional(),
  /** It describes the career as a whole: what two careers named side by side are compared on. */
  overview: z.boolean().optional(),
});

const guideSchema = z.strictObject({
  id: z.string().min(1),
  intro: text,
  cancelled: text,
  retry: text,
  questions: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        ask: text,
        choices: z.array(z.strictObject({ value: z.string().min(1), label: text, words: z.array(text).optional() })).min(2),
      }),
    )
    .min(1),
  // `lead` is interface text ("Two certifications fit what you said:"); the reasons are the answers' own facts.
  outcomes: z.array(z.strictObject({ when: z.record(z.string(), z.string()), intents: z.array(z.string()).min(1), lead: text })).min(1),
});

export const intentFileSchema = z
  .strictObject({
    intents: z.array(intentSchema).optional(),
    negatives: z.array(text).optional(),
    guides: z.array(guideSchema).optional(),
    notices: z.strictObject({ privacy: text.optional(), rateLimited: text.optional(), otherCareer: text.optional() }).optional(),
    occupations: z.strictObject({ shortForms: z.record(z.string().min(1), text), initials: z.record(z.string().min(1), text).optional() }).optional(),
    assistant: z
      .strictObject({
        greeting: text,
        promptsTitle: text.optional(),
        prompts: z.array(z.strictObject({ title: text, message: text })).min(1).max(4, 'Slack shows at most 4 suggested prompts'),
        advisorGreeting: text.optional(),
        advisorPrompts: z.array(z.strictObject({ title: text, message: text })).max(4, 'Slack shows at most 4 suggested prompts').optional(),
      })
      .optional(),
    commands: z
      .array(
        z.strictObject({
          command: z.string().regex(/^\/[a-z0-9_-]+$/, 'must be a slash command such as "/certs"'),
          intent: z.string(),
          items: z.string().optional(),
          ask: z.boolean().optional(),
          hint: text.optional(),
        }),
      )
      .optional(),
    lexicon: z
      .strictObject({
        synonyms: z.record(z.string(), z.array(text)).optional(),
        fillers: z.array(text).optional(),
        keep: z.array(text).optional(),
        context: z
          .strictObject({
            /** Openings that continue the last topic ("and ...", "what about ..."). */
            continues: z.array(text).optional(),
            /** Words that point past what was named ("the others", "what else"). */
            excludes: z.array(text).optional(),
            /** Words that only say two things are compared ("vs", "difference"): naming two careers and these, the careers are compared as a whole. */
            compares: z.array(text).optional(),
            /** Words that point back at what was said ("they", "those"): small talk does not keep such a question from its topic. */
            refers: z.array(text).optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .refine((f) => f.intents || f.negatives || f.lexicon || f.commands || f.guides || f.notices || f.occupations || f.assistant, 'a file in intents/ needs `intents`, `negatives`, `lexicon`, `commands`, `guides`, `notices`, `occupations` or `assistant`');

export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
export type IntentFile = z.infer<typeof intentFileSchema>;
