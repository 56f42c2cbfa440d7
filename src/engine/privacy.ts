/**
 * Patient identifiers in free text. HIPAA is part of this career, so the bot does not take in
 * patient details: a message that looks like it holds them gets a reminder instead of an answer,
 * and only a redacted form of it is ever logged or stored.
 */

export type IdentifierKind = 'ssn' | 'mrn' | 'dob' | 'phone' | 'email';

interface Pattern {
  readonly kind: IdentifierKind;
  readonly re: RegExp;
  /** The pattern alone is not enough: the text must also show one of these. */
  readonly alsoNeeds?: RegExp;
}

const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})`;
const NAME = String.raw`\b[A-Z][a-z]+ [A-Z][a-z]+\b`;

const PATTERNS: readonly Pattern[] = [
  { kind: 'ssn', re: /\b\d{3}[- ]\d{2}[- ]\d{4}\b/g },
  { kind: 'ssn', re: /\b(?:ssn|social security(?: number| no\.?)?)\s*[:#]?\s*\d{9}\b/gi },
  { kind: 'mrn', re: /\b(?:mrn|medical record(?: number| no\.?| #)?|patient (?:id|number|#))\s*[:#]?\s*[A-Z0-9-]{4,}\b/gi },
  { kind: 'dob', re: new RegExp(String.raw`\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\s*[:#]?\s*${DATE}`, 'gi') },
  { kind: 'dob', re: new RegExp(DATE, 'gi'), alsoNeeds: new RegExp(NAME) },
  { kind: 'phone', re: /(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g },
  { kind: 'email', re: /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g, alsoNeeds: /\b(?:patient|chart|diagnos|record|mrn|dob)/i },
];

/** The kinds of patient identifier a text seems to hold (empty when none). */
export function findIdentifiers(text: string): IdentifierKind[] {
  const kinds = new Set<IdentifierKind>();
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    if (p.re.test(text) && (!p.alsoNeeds || p.alsoNeeds.test(text))) kinds.add(p.kind);
    p.re.lastIndex = 0;
  }
  return [...kinds];
}

/**
 * The text with every identifier-shaped part replaced by its kind (`[SSN]`, `[DATE]`, …), safe to
 * log or store; when the text holds patient identifiers, capitalised name pairs go too (`[NAME]`).
 */
export function redact(text: string): string {
  const withNames = findIdentifiers(text).length > 0 ? text.replace(new RegExp(NAME, 'g'), '[NAME]') : text;
  return withNames
    .replace(/\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g, '[EMAIL]')
    .replace(/\b\d{3}[- ]\d{2}[- ]\d{4}\b/g, '[SSN]')
    .replace(/\b(mrn|medical record(?: number| no\.?| #)?|patient (?:id|number|#))(\s*[:#]?\s*)[A-Z0-9-]{4,}\b/gi, '$1$2[ID]')
    .replace(new RegExp(DATE, 'gi'), '[DATE]')
    .replace(/(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g, '[PHONE]')
    .replace(/\d{5,}/g, '[NUMBER]');
}
