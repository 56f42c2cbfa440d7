/** The knowledge base as the engine receives it: already parsed and validated data. */

export type RecordValue = Readonly<Record<string, string>>;
export type FactValue = string | number | readonly string[] | RecordValue;

export interface Fact {
  readonly id: string;
  /** The career whose knowledge file states it. */
  readonly career: string;
  readonly label?: string;
  readonly value: FactValue;
  readonly unit?: string;
  readonly source: string;
  readonly asOf: string;
  /** The exact sentence(s) of the source it comes from. */
  readonly quote?: readonly string[];
}

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly ref: string;
}

export interface Collection {
  readonly id: string;
  readonly label: string;
  /** Fact ids of records. */
  readonly items: readonly string[];
  /** Record field -> column heading. */
  readonly columns: Readonly<Record<string, string>>;
}

/** A career the knowledge base covers (one knowledge file each). */
export interface Career {
  readonly id: string;
  readonly title: string;
  /** The career center's category ("Healthcare"): a word every career of it shares, so it tells none apart. */
  readonly category?: string;
  /** The career's own O*NET-SOC codes: those occupations are this career, not others. */
  readonly soc: readonly string[];
  /** Facts listing the career's own job titles ("Medical Coder"), which stay in scope. */
  readonly titles: readonly string[];
}

export interface Knowledge {
  /** The first career (the product's own); `careers` lists every one. */
  readonly career: Career;
  readonly careers: readonly Career[];
  readonly sources: Readonly<Record<string, Source>>;
  readonly facts: Readonly<Record<string, Fact>>;
  readonly collections: Readonly<Record<string, Collection>>;
}

export interface Variant {
  readonly id: string;
  readonly label?: string;
  /** A collection this variant compares side by side. */
  readonly compare?: string;
  /** A guide (multi-turn questions) this variant starts where the channel holds conversations. */
  readonly guide?: string;
  readonly keywords: readonly string[];
  readonly answer: string;
}

export interface Intent {
  readonly id: string;
  readonly label: string;
  /** The label as written, when it references facts (`{{certs.cpc.acronym}}`); `label` has them filled in. */
  readonly labelTemplate?: string;
  readonly utterances: readonly string[];
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly followUps: readonly string[];
  readonly variants: readonly Variant[];
  /** Greetings, thanks and the like: never offered as topics. */
  readonly smallTalk: boolean;
  /** Answering it ends the conversation's context ("start over"). */
  readonly clearsContext: boolean;
  /** It describes the career as a whole (compared when two careers are named with nothing else). */
  readonly overview: boolean;
}

export interface Lexicon {
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  readonly fillers: readonly string[];
  readonly keep: readonly string[];
  /** Cue words of follow-up questions (see `ContextCues`). */
  readonly context: ContextCues;
}

/** How a question shows it leans on the conversation so far; words and phrases, data not code. */
export interface ContextCues {
  /** Openings that continue the last topic: "and for beginners?", "what about experienced?". */
  readonly continues: readonly string[];
  /** Words that point past what was named: "and the others?", "what else does AHIMA offer". */
  readonly excludes: readonly string[];
  /** Words that only say things are compared: "pharmacy technician vs medical records specialist". */
  readonly compares: readonly string[];
  /** Words that point back at what was said before and never at the bot: "what do *they* cover?". */
  readonly refers: readonly string[];
}

/**
 * What a conversation has established, small and serialisable: the last topic answered (intent or
 * variant id) and the collection items it named (`certs.rhit`), so "who offers it?" and "and the
 * others?" can be resolved. Channels keep it; the engine stores nothing.
 */
export interface ConversationContext {
  readonly intent: string;
  readonly named: readonly string[];
}

/** A slash command: the intent it answers with, and optionally a collection whose items it can name. */
export interface Command {
  readonly command: string;
  readonly intent: string;
  readonly items?: string;
  /** The command's text is a question to answer (`/faq <question>`). */
  readonly ask?: boolean;
  readonly hint?: string;
}

export interface GuideChoice {
  readonly value: string;
  readonly label: string;
  /** Typed words that pick this choice. */
  readonly words?: readonly string[];
}

export interface GuideQuestion {
  readonly key: string;
  readonly ask: string;
  readonly choices: readonly GuideChoice[];
}

/** A few questions, then the answer of the first outcome whose conditions the answers meet. */
export interface Guide {
  readonly id: string;
  readonly intro: string;
  readonly cancelled: string;
  readonly retry: string;
  readonly questions: readonly GuideQuestion[];
  /** The answers an outcome gives (each with the page's own reason in it), under a line of interface text. */
  readonly outcomes: readonly { readonly when: Readonly<Record<string, string>>; readonly intents: readonly string[]; readonly lead: string }[];
}

/** What the bot says outside of answers. */
export interface Notices {
  /** The reminder given instead of an answer when a message holds patient identifiers. */
  readonly privacy: string;
  /** The one notice a person gets when they ask faster than the rate limit. */
  readonly rateLimited: string;
  /** Said when a question is about another occupation: `{careers}` and `{occupation}` are filled in. */
  readonly otherCareer: string;
}

/** Occupations other than the career's, so a question about one is noticed (data, not code). */
export interface Occupations {
  /** O*NET-SOC titles with their codes. */
  readonly titles: readonly { readonly soc: string; readonly title: string }[];
  /**
   * What people type ("pharmacy tech", "CNA") and the title it means. `ownOnly`: an initialism that
   * means other things too ("MA" is also a master's degree): it names a career the knowledge base
   * covers, and never turns a question away as another occupation's.
   */
  readonly shortForms: readonly { readonly form: string; readonly title: string; readonly ownOnly?: boolean }[];
}

/** A suggested prompt of Slack's assistant panel: its button title and the message it sends. */
export interface AssistantPrompt {
  readonly title: string;
  readonly message: string;
}

/** What Slack's assistant panel shows when a thread opens (data in intents/assistant.yaml). */
export interface AssistantCopy {
  readonly greeting: string;
  readonly promptsTitle?: string;
  readonly prompts: readonly AssistantPrompt[];
  readonly advisorGreeting?: string;
  readonly advisorPrompts?: readonly AssistantPrompt[];
}

export interface KnowledgeBase {
  readonly knowledge: Knowledge;
  /** Slack's assistant panel, when the knowledge base describes it. */
  readonly assistant?: AssistantCopy;
  readonly occupations: Occupations;
  readonly intents: readonly Intent[];
  /** Questions that must fall back: negative evidence for the matcher. */
  readonly negatives: readonly string[];
  readonly lexicon: Lexicon;
  readonly commands: readonly Command[];
  readonly guides: readonly Guide[];
  readonly notices: Notices;
}

/** The intent id of the fallback. */
export const NONE = 'none';

/** A block of an answer; channels render each kind in their own format. */
export type Block =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly type: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface Topic {
  readonly intent: string;
  readonly label: string;
}

/** One answer. Inline text may carry `*bold*` and `` `code` `` written by the knowledge base, never by a user. */
export interface Answer {
  readonly intent: string;
  readonly label: string;
  readonly blocks: readonly Block[];
  readonly sources: readonly Source[];
  /** The source's sentences the answer comes from ("Where does this come from?"). */
  readonly quotes: readonly string[];
  readonly followUps: readonly Topic[];
  /** The guide this answer offers to start, in channels that hold conversations. */
  readonly guide?: string;
}

export interface Scored {
  readonly intent: string;
  readonly confidence: number;
}

interface DecisionBase {
  /** The question as it was asked. */
  readonly text: string;
  /** The best intent (`none` on fallback). */
  readonly intent: string;
  readonly confidence: number;
  /** The next best intents with their confidence, best first. */
  readonly alternatives: readonly Scored[];
  /** The conversation's context after this question (none: nothing to carry on). */
  readonly context?: ConversationContext;
}

export type Decision =
  | (DecisionBase & { readonly kind: 'answer'; readonly answers: readonly Answer[] })
  | (DecisionBase & { readonly kind: 'clarify'; readonly choices: readonly Topic[] })
  | (DecisionBase & {
      readonly kind: 'fallback';
      readonly suggestions: readonly Topic[];
      /** `outside`: the question is about something the knowledge base does not cover (its own words say so); `unsure`: no topic is likely enough. */
      readonly reason: 'outside' | 'unsure';
      /** The other occupation the question named, when that is why it fell back. */
      readonly occupation?: string;
      /** What to say instead of the plain "no answer" (another occupation was named). */
      readonly notice?: string;
    })
  | (DecisionBase & { readonly kind: 'privacy'; readonly notice: string });
