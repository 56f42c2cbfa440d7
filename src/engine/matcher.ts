import { WordModel, type WordModelOptions } from './word-model.js';

/**
 * The scorer: TF-IDF vectors over stemmed terms, compared with a question two ways — the nearest
 * example utterance (precise on paraphrases) and the intent's centroid (robust when the wording is
 * new) — through inverted indexes, so a question costs what its own terms touch, not a scan of
 * every utterance. In a small knowledge base a softmax model fitted to the same vectors and the
 * words' letters (word-model.ts) adds which words decide between labels. Knows nothing of careers:
 * any labelled utterances will do.
 */

export interface LabelledTerms {
  readonly label: string;
  readonly terms: readonly string[];
}

export interface MatcherOptions {
  /** Share of a label's score from its nearest example (the rest: its centroid). */
  readonly nearestWeight: number;
  /** Weight of an unknown question word, relative to the rarest known one. */
  readonly unknownWordWeight: number;
  /** 0.5 scores the nearest example by cosine; higher favours covering the question. */
  readonly queryCoverage: number;
  /** The label of fallback examples, whose own words count as outside (see outsideShare). */
  readonly outsideLabel?: string;
  /**
   * The fitted model's share of a label's score (0: vectors only), its share when it is fitted
   * sparse (a knowledge base past the work budget; `weight` when not given), and how it is fitted.
   */
  readonly softmax?: WordModelOptions & {
    readonly weight: number;
    readonly sparseWeight?: number;
  };
}

export interface Ranked {
  readonly label: string;
  readonly score: number;
  /** The part of the score the fitted model gave (its probability, weighted), when there is a model. */
  readonly learned?: number;
}


export class Matcher {
  private readonly labels: string[] = [];
  private readonly docLabel: number[] = [];
  private readonly docNorm: number[] = [];
  /** Each example's part of the similarity that depends on it alone: (norm²)^-(1 - queryCoverage). */
  private readonly docScale: Float64Array;
  private readonly docPostings = new Map<string, number[]>();
  private readonly centroidPostings = new Map<string, { label: number; weight: number }[]>();
  private readonly centroidNorm: number[] = [];
  private readonly idf = new Map<string, number>();
  private readonly unknownWeight: number;
  /** Terms seen only in examples of the outside label (the fallback's negatives). */
  private readonly outsideOnly = new Set<string>();

  private readonly nearestWeight: number;
  private readonly queryCoverage: number;
  /** Postings longer than this are not scanned, only looked up in the candidates. */
  private readonly scanLimit: number;
  private readonly termIds = new Map<string, number>();
  /** Each example's term ids, sorted, for lookups of common terms. */
  private readonly docTermIds: Int32Array[] = [];
  /** Each label's centroid weight per term id. */
  private readonly centroidWeights: Map<number, number>[] = [];
  private readonly docScratch: Float64Array;
  /** The examples a question touched, first `touched` entries (reused: no array grows per question). */
  private readonly docList: Int32Array;
  private readonly labelScratch: Float64Array;
  private readonly nearestScratch: Float64Array;
  private readonly labelSeen: Uint8Array;
  private readonly model: WordModel | null = null;
  private readonly modelWeight: number = 0;
  /** Whether the fitted model is sparse: the knowledge base is past the work budget (thousands of examples). */
  readonly sparse: boolean = false;

  constructor(examples: readonly LabelledTerms[], options: MatcherOptions) {
    const { outsideLabel } = options;
    this.nearestWeight = options.nearestWeight;
    this.queryCoverage = options.queryCoverage;
    const labelIndex = new Map<string, number>();
    const labelDocs: number[] = [];
    const termLabelCount = new Map<string, Map<number, number>>();
    examples.forEach((example) => {
      let l = labelIndex.get(example.label);
      if (l === undefined) {
        l = this.labels.length;
        labelIndex.set(example.label, l);
        this.labels.push(example.label);
        labelDocs.push(0);
      }
      labelDocs[l]! += 1;
      const doc = this.docLabel.length;
      this.docLabel.push(l);
      const ids: number[] = [];
      for (const term of new Set(example.terms)) {
        let id = this.termIds.get(term);
        if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
        ids.push(id);
        let list = this.docPostings.get(term);
        if (!list) this.docPostings.set(term, (list = []));
        list.push(doc);
        let counts = termLabelCount.get(term);
        if (!counts) termLabelCount.set(term, (counts = new Map()));
        counts.set(l, (counts.get(l) ?? 0) + 1);
      }
      this.docTermIds.push(Int32Array.from(ids.sort((a, b) => a - b)));
    });
    this.scanLimit = Math.max(500, Math.ceil(this.docLabel.length / 200));
    const labelCount = this.labels.length;
    let maxIdf = 0;
    for (const [term, counts] of termLabelCount) {
      const idf = Math.log(1 + labelCount / counts.size);
      this.idf.set(term, idf);
      maxIdf = Math.max(maxIdf, idf);
    }
    this.unknownWeight = options.unknownWordWeight * (maxIdf || 1);
    const outside = outsideLabel === undefined ? -1 : (labelIndex.get(outsideLabel) ?? -1);
    for (const [term, counts] of termLabelCount) if (counts.size === 1 && counts.has(outside)) this.outsideOnly.add(term);

    const docNormSq = new Array<number>(this.docLabel.length).fill(0);
    for (const [term, docs] of this.docPostings) {
      const w = this.idf.get(term)!;
      for (const doc of docs) docNormSq[doc]! += w * w;
    }
    for (const sq of docNormSq) this.docNorm.push(Math.sqrt(sq) || 1);
    this.docScale = Float64Array.from(this.docNorm, (d) => Math.pow(d * d, this.queryCoverage - 1));

    const centroidSq = new Array<number>(labelCount).fill(0);
    for (let l = 0; l < labelCount; l++) this.centroidWeights.push(new Map());
    for (const [term, counts] of termLabelCount) {
      const idf = this.idf.get(term)!;
      const list: { label: number; weight: number }[] = [];
      for (const [label, count] of counts) {
        const weight = (count / labelDocs[label]!) * idf;
        list.push({ label, weight });
        this.centroidWeights[label]!.set(this.termIds.get(term)!, weight);
        centroidSq[label]! += weight * weight;
      }
      this.centroidPostings.set(term, list);
    }
    for (const sq of centroidSq) this.centroidNorm.push(Math.sqrt(sq) || 1);
    const softmax = options.softmax;
    const sparseWeight = softmax?.sparseWeight ?? softmax?.weight ?? 0;
    // One label gives the model nothing to separate: it would only add a constant to every score.
    if (softmax && (softmax.weight > 0 || sparseWeight > 0) && labelCount >= 2) {
      const idfById = new Float64Array(this.termIds.size);
      const termById: string[] = [];
      for (const [term, id] of this.termIds) {
        idfById[id] = this.idf.get(term)!;
        termById[id] = term;
      }
      const inOrder = examples.map((e) => e.terms.filter((t) => !t.includes(' ')));
      const indexed = this.docTermIds.map((termIds, doc) => ({ termIds, norm: this.docNorm[doc]!, label: this.docLabel[doc]!, words: inOrder[doc]! }));
      const model = new WordModel(indexed, termById, idfById, labelCount, softmax);
      // Fitted sparse, the knowledge base is large: thousands of examples back the model, and its share grows.
      this.modelWeight = model.sparse ? sparseWeight : softmax.weight;
      this.sparse = model.sparse;
      if (this.modelWeight > 0) this.model = model;
    }
    this.docScratch = new Float64Array(this.docLabel.length);
    this.docList = new Int32Array(this.docLabel.length);
    this.labelScratch = new Float64Array(labelCount);
    this.nearestScratch = new Float64Array(labelCount);
    this.labelSeen = new Uint8Array(labelCount);
  }

  /** Whether an example has a term (binary search in its sorted term ids). */
  private docHas(doc: number, id: number): boolean {
    const ids = this.docTermIds[doc]!;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = ids[mid]!;
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Whether a stemmed term occurs in any example. */
  knows(term: string): boolean {
    return this.idf.has(term);
  }

  /** Distinct terms that carry weight: a word pair ("a b") counts only when some example has it. */
  private weighable(terms: readonly string[]): string[] {
    const out: string[] = [];
    for (const t of terms) if (!out.includes(t) && (!t.includes(' ') || this.idf.has(t))) out.push(t);
    return out;
  }

  /**
   * Share of the question's weight carried by words no label but the outside one explains
   * (unknown words and words seen only in fallback examples): high means the question is about
   * something else, however well its other words match. Terms `inside` never count as outside.
   */
  outsideShare(terms: readonly string[], inside?: ReadonlySet<string>): number {
    let outside = 0;
    let total = 0;
    for (const t of this.weighable(terms)) {
      const w = this.idf.get(t) ?? this.unknownWeight;
      total += w * w;
      if ((!this.idf.has(t) || this.outsideOnly.has(t)) && !inside?.has(t)) outside += w * w;
    }
    return total === 0 ? 1 : outside / total;
  }

  /**
   * The `limit` best labels that share a term with the question, best first; ties broken by label
   * for determinism. Only the best are kept (a small insertion list), so a question that touches
   * thousands of labels costs no sort of them all.
   */
  rank(terms: readonly string[], limit = 12): Ranked[] {
    const unique = this.weighable(terms);
    if (unique.length === 0) return [];
    let qNormSq = 0;
    const weights = unique.map((t) => {
      const w = this.idf.get(t) ?? this.unknownWeight;
      qNormSq += w * w;
      return w;
    });
    const qNorm = Math.sqrt(qNormSq);

    // Rare terms find the candidates through their postings; terms too common to scan (in a large
    // knowledge base) are only looked up in the candidates, so a question costs what its rare
    // terms touch rather than a pass over every utterance.
    const known = unique.map((t, i) => ({ term: t, w: weights[i]!, docs: this.docPostings.get(t) })).filter((x) => x.docs);
    let rare = known.filter((x) => x.docs!.length <= this.scanLimit);
    let common = known.filter((x) => x.docs!.length > this.scanLimit);
    if (rare.length === 0 && common.length > 0) {
      const least = common.reduce((a, b) => (a.docs!.length <= b.docs!.length ? a : b));
      rare = [least];
      common = common.filter((x) => x !== least);
    }
    // Scores accumulate in scratch arrays reused across questions (cleared through the touched lists).
    const docDot = this.docScratch;
    const labelDot = this.labelScratch;
    const nearest = this.nearestScratch;
    const docs = this.docList;
    let touched = 0;
    const labels: number[] = [];
    const touchLabel = (label: number): void => {
      if (labelDot[label] === 0 && nearest[label] === 0 && !this.labelSeen[label]) {
        this.labelSeen[label] = 1;
        labels.push(label);
      }
    };
    for (const { term, w, docs: postings } of rare) {
      for (const doc of postings!) {
        if (docDot[doc] === 0) docs[touched++] = doc;
        docDot[doc] += w * w;
      }
      for (const c of this.centroidPostings.get(term)!) {
        touchLabel(c.label);
        labelDot[c.label] += w * c.weight;
      }
    }
    for (let i = 0; i < touched; i++) touchLabel(this.docLabel[docs[i]!]!);
    for (const { term, w } of common) {
      const id = this.termIds.get(term)!;
      for (let i = 0; i < touched; i++) if (this.docHas(docs[i]!, id)) docDot[docs[i]!] += w * w;
      for (const label of labels) labelDot[label] += w * (this.centroidWeights[label]!.get(id) ?? 0);
    }

    // (dot/|q|²)^c · (dot/|d|²)^(1-c) = dot · |q|²^-c · |d|²^(c-1): the powers are paid once per
    // question and once per example at build, not twice per candidate.
    const queryScale = Math.pow(qNormSq, -this.queryCoverage);
    for (let i = 0; i < touched; i++) {
      const doc = docs[i]!;
      const dot = docDot[doc]!;
      const cos = dot * queryScale * this.docScale[doc]!;
      const label = this.docLabel[doc]!;
      if (cos > nearest[label]!) nearest[label] = cos;
      docDot[doc] = 0;
    }
    let probability: Float64Array | undefined;
    if (this.model) {
      const termIds = new Int32Array(known.length);
      const termWeights = new Float64Array(known.length);
      known.forEach((k, i) => {
        termIds[i] = this.termIds.get(k.term)!;
        termWeights[i] = k.w;
      });
      probability = this.model.predict(termIds, termWeights, unique, qNorm, terms);
    }
    const ranked: Ranked[] = [];
    const better = (a: Ranked, b: Ranked): boolean => a.score > b.score || (a.score === b.score && a.label < b.label);
    for (const label of labels) {
      const centroid = labelDot[label]! / (qNorm * this.centroidNorm[label]!);
      const similarity = Math.min(1, this.nearestWeight * nearest[label]! + (1 - this.nearestWeight) * centroid);
      const learned = probability ? this.modelWeight * probability[label]! : 0;
      const score = probability ? (1 - this.modelWeight) * similarity + learned : similarity;
      const entry = probability ? { label: this.labels[label]!, score, learned } : { label: this.labels[label]!, score };
      labelDot[label] = 0;
      nearest[label] = 0;
      this.labelSeen[label] = 0;
      if (ranked.length === limit && !better(entry, ranked[limit - 1]!)) continue;
      let at = ranked.length;
      while (at > 0 && better(entry, ranked[at - 1]!)) at--;
      ranked.splice(at, 0, entry);
      if (ranked.length > limit) ranked.pop();
    }
    return ranked;
  }
}
