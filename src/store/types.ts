/** What happened to one question, as the store keeps it: no user id, no unredacted text. */
export interface NewQuestion {
  /** When it was asked (ms since the epoch). */
  readonly at: number;
  readonly channel: 'slack' | 'web' | 'cli';
  /** Salted hash of the person's id. */
  readonly userKey: string;
  /** The question, redacted (or withheld when it held patient identifiers). */
  readonly question: string;
  readonly intent: string;
  readonly confidence: number;
  /** answer | clarify | fallback | privacy */
  readonly outcome: string;
}

export interface StoredQuestion extends NewQuestion {
  readonly id: string;
  /** true helpful, false not helpful, null no feedback. */
  readonly helpful: boolean | null;
}

/** Small keyed state with an expiry each (conversation contexts, dialog state): the store, or a process's memory. */
export interface StateStore {
  /** The value kept under `key`, or null when there is none or it expired. */
  getState(key: string): Promise<string | null>;
  /** Keeps `value` under `key` until `expiresAtMs`, replacing what was there. */
  setState(key: string, value: string, expiresAtMs: number): Promise<void>;
  deleteState(key: string): Promise<void>;
  /** Adds one to the counter under `key` (created at 1, expiring at `expiresAtMs`) and returns it; atomic. */
  increment(key: string, expiresAtMs: number): Promise<number>;
}

/** Counts of stored questions over a period, for the dashboard (computed by the store, not in memory). */
export interface QuestionCounts {
  /** Questions per day (days since the epoch, UTC) and outcome. */
  readonly perDay: readonly { readonly day: number; readonly outcome: string; readonly n: number }[];
  /** Answered (or clarified) questions per intent. */
  readonly perIntent: readonly { readonly intent: string; readonly n: number }[];
  readonly helpful: number;
  readonly unhelpful: number;
}

/** A state entry to write with a record, in the same commit (a conversation's context): `value` null deletes it. */
export interface StateWrite {
  readonly key: string;
  readonly value: string | null;
  readonly expiresAtMs: number;
}

/** One change an advisor made (an utterance added from the dashboard, ...). */
export interface AuditEntry {
  readonly at: number;
  /** Who: a label the dashboard's sign-in gave (never a user id). */
  readonly who: string;
  readonly action: string;
  readonly detail: string;
}

/** State that never expires, written once: the first value kept under a key is the one every instance reads. */
export interface KeptValues {
  /** Keeps `value` under `key` unless a value is already kept there; returns the kept value. */
  keepState(key: string, value: string): Promise<string>;
}

/**
 * Where question outcomes are kept: SQLite by default, PostgreSQL when several instances share one
 * store. Both implement this interface and pass the same tests.
 */
export interface Store extends StateStore, KeptValues {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Stores one outcome in its own transaction, with `keep` written in the same commit when given
   * (a question's context and its record cost one durable commit, not two); returns its id.
   */
  record(q: NewQuestion, keep?: StateWrite): Promise<string>;
  /**
   * Records feedback on a stored question, only for the person who asked it (`userKey`): false when
   * no such question is kept (purged, unknown id) or it belongs to someone else.
   */
  setFeedback(id: string, helpful: boolean, userKey: string): Promise<boolean>;
  /**
   * Claims `key` once until `expiresAtMs`: true for the first caller, false for every later one
   * (atomic, so two instances racing on one key get one true). Expired claims are purged.
   */
  claim(key: string, expiresAtMs: number): Promise<boolean>;
  /** Counts of the questions asked from `fromMs` to `toMs` (in one channel, or all). */
  countQuestions(fromMs: number, toMs: number, channel?: string): Promise<QuestionCounts>;
  /** The latest `limit` questions from `fromMs` to `toMs` that fell back or were marked not helpful, oldest first. */
  gapQuestions(fromMs: number, toMs: number, limit: number, channel?: string): Promise<StoredQuestion[]>;
  /** Keeps one audit entry (in its own transaction). */
  audit(entry: AuditEntry): Promise<void>;
  /** The latest `limit` audit entries, newest first. */
  auditLog(limit: number): Promise<AuditEntry[]>;
  /** Every question asked at or after `sinceMs`, oldest first. */
  since(sinceMs: number): Promise<StoredQuestion[]>;
  /** Deletes questions asked before `cutoffMs` (and expired claims and state); returns how many questions. */
  purgeBefore(cutoffMs: number): Promise<number>;
  /** Resolves when the store answers (health checks); rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
