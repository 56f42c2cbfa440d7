/**
 * Every tunable of the engine in one frozen object, so a reader sees the whole policy at once
 * and a test or benchmark can override a field without touching the code that uses it.
 */
export interface EngineConfig {
  /** Characters of a question the matcher reads; the rest is ignored, so cost stays bounded. */
  readonly maxQuestionChars: number;
  /** Share of the intent score taken from the nearest utterance (the rest: the intent centroid). */
  readonly nearestWeight: number;
  /** Confidence below which the engine falls back instead of guessing. */
  readonly answerThreshold: number;
  /**
   * Where the model is fitted sparse (a large knowledge base), a best intent below the answer
   * threshold but at least this confident is still answered when no fallback example is among the
   * closest contenders: a short, low-scoring question that resembles no "about something else"
   * example ("multiply 7 and 42") is more often a terse request than a question from outside.
   */
  readonly sparseAnswerFloor: number;
  /**
   * Confidence below which small talk is not answered: a greeting, goodbye or "start over" read into
   * a question about the job ("set up the room" as "reset") ends the topic instead of answering it.
   */
  readonly smallTalkThreshold: number;
  /**
   * Share of the intent score from a softmax model fitted to the examples (the rest: vector
   * similarity). The model learns which words decide between intents that share most phrasing.
   */
  readonly softmaxWeight: number;
  /**
   * The model's share when it is fitted sparse: a knowledge base past the work budget, where each
   * feature weighs only its own intents. Its examples then number thousands, the model is fitted on
   * all of them, and similarity to one nearest example or centroid is the weaker half.
   */
  readonly softmaxSparseWeight: number;
  /** Passes, initial learning rate and L2 penalty of the model's fitting (seeded, so deterministic). */
  readonly softmaxEpochs: number;
  readonly softmaxRate: number;
  readonly softmaxL2: number;
  /** Passes the fitting makes however large the knowledge base. */
  readonly softmaxMinEpochs: number;
  /**
   * Weight updates the fitting may make in all (examples' features times their intents, over the
   * passes; about a second for 10^8 on one core): past it, fewer passes, then the features most
   * intents share are left out, so a knowledge base of any size builds in bounded time.
   */
  readonly softmaxMaxWork: number;
  /**
   * Intents a feature may be used by and still bring them into an example's softmax as contenders;
   * a feature more intents share only weighs in on the contenders the others brought.
   */
  readonly softmaxCandidates: number;
  /**
   * The work budget of a model fitted sparse (past `softmaxMaxWork`): how many updates a large
   * knowledge base's fitting may make, hence its passes.
   */
  readonly softmaxSparseMaxWork: number;
  /** Seed of the fitting's example order: the same knowledge base always gives the same model. */
  readonly softmaxSeed: number;
  /**
   * Weight of letter trigrams in the model's features, against 1 for the words: a word no example
   * has still counts when its letters resemble a known word's ("synchronization", "synchronizing").
   */
  readonly softmaxTrigramWeight: number;
  /**
   * Weight of neighbouring word pairs, stop words included, in the features of a model fitted
   * sparse (a large knowledge base): "call me …" and "call you …" name different intents.
   */
  readonly softmaxBigramWeight: number;
  /**
   * In a conversation, a standalone answer at least this confident is kept whatever the context;
   * below it, a question that opens like a continuation ("and for beginners?") leans on the context.
   */
  readonly contextKeepsAbove: number;
  /** Two intents closer than this in confidence make the engine ask "Did you mean A or B?". */
  readonly clarifyMargin: number;
  /**
   * How much the nearest-utterance score favours covering the question over covering the
   * utterance (0.5 is the cosine; higher forgives examples that have extra words).
   */
  readonly queryCoverage: number;
  /** Weight of a question word the knowledge base has never seen, relative to the rarest known word. */
  readonly unknownWordWeight: number;
  /**
   * Share of a question's weight in words that no intent knows (unknown words, words seen only in
   * fallback examples) above which the question is about something else and falls back.
   */
  readonly outsideShareLimit: number;
  /**
   * The outside-share limit for a question that names a career the knowledge base covers: its other
   * words are more likely everyday phrasing than another topic ("give me the rundown on pharmacy techs").
   */
  readonly namedCareerOutsideLimit: number;
  /** Drop natural's stop words (minus the lexicon's `keep`) before matching. */
  readonly dropStopWords: boolean;
  /** Shortest word the spelling corrector tries to correct. */
  readonly minCorrectableLength: number;
  /** A whole question at least this confident is never split into parts. */
  readonly splitBelowConfidence: number;
  /** Each part of a two-part question must be at least this confident. */
  readonly partThreshold: number;
  /** How many closest topics a fallback offers. */
  readonly fallbackSuggestions: number;
  /** Facts checked longer ago than this many days are reported as stale by `faqbot check`. */
  readonly factMaxAgeDays: number;
  /** Minimum example utterances an intent in `intents/` must have. */
  readonly minUtterances: number;
}

export const DEFAULT_CONFIG: EngineConfig = Object.freeze({
  maxQuestionChars: 1000,
  nearestWeight: 0.6,
  answerThreshold: 0.2,
  sparseAnswerFloor: 0.18,
  smallTalkThreshold: 0.3,
  contextKeepsAbove: 0.5,
  softmaxWeight: 0.2,
  softmaxSparseWeight: 0.5,
  softmaxEpochs: 20,
  softmaxRate: 1,
  softmaxL2: 0,
  softmaxMinEpochs: 3,
  softmaxMaxWork: 150_000_000,
  softmaxCandidates: 64,
  softmaxSparseMaxWork: 500_000_000,
  softmaxSeed: 20171,
  softmaxTrigramWeight: 1,
  softmaxBigramWeight: 1,
  clarifyMargin: 0.06,
  queryCoverage: 0.7,
  unknownWordWeight: 1.2,
  outsideShareLimit: 0.55,
  namedCareerOutsideLimit: 0.65,
  dropStopWords: false,
  minCorrectableLength: 3,
  splitBelowConfidence: 0.85,
  partThreshold: 0.6,
  fallbackSuggestions: 3,
  factMaxAgeDays: 365,
  minUtterances: 12,
});

/** The defaults with the given fields replaced. */
export function withConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return Object.freeze({ ...DEFAULT_CONFIG, ...overrides });
}
