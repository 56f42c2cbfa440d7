/** One thing wrong in the knowledge base: which file, where inside it, and what. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Formats a problem as `file: path: message`. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Raised when the knowledge base cannot be loaded; the app refuses to start on it. */
export class KnowledgeBaseError extends Error {
  readonly code = 'KB_INVALID';
  constructor(readonly problems: readonly Problem[]) {
    super(
      `The knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); ` +
        `fix these and run \`faqbot check\`:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'KnowledgeBaseError';
  }
}

/** Messages of the cross-file checks, one small function each so tests and docs can quote them. */
export const messages = {
  duplicateId: (id: string, other: string) => `duplicate intent id "${id}" (also in ${other})`,
  unknownFollowUp: (id: string) => `unknown follow-up intent "${id}"`,
  duplicateUtterance: (u: string, other: string) => `the utterance "${u}" is also under ${other}`,
  tooFewUtterances: (n: number, min: number) => `has ${n} utterances; an intent needs at least ${min}`,
  unknownSource: (id: string) => `unknown source "${id}" (add it under \`sources\`)`,
  missingSource: () => 'has no source (give it one, or set `defaults.source`)',
  missingAsOf: () => 'has no asOf date (give it one, or set `defaults.asOf`)',
  unknownCollectionItem: (id: string) => `unknown fact "${id}" in collection`,
  notARecord: (id: string) => `fact "${id}" must be a record (fields such as acronym, name) to be in a collection`,
  unknownCompare: (id: string) => `unknown collection "${id}"`,
  duplicateCareer: (id: string) => `the career "${id}" is described by two knowledge files`,
  duplicateFact: (id: string, career: string) => `the fact "${id}" is also stated for the career "${career}"; give each career its own ids`,
  notATitleList: (id: string) => `fact "${id}" must be a list of job titles to name the career's own titles`,
  badOccupationLine: () => 'must be an O*NET-SOC code and a title, separated by a tab',
  unknownOccupation: (title: string) => `"${title}" is not an occupation title of knowledge/occupations.tsv`,
  unknownCommandIntent: (id: string) => `unknown intent "${id}" for the command`,
  unknownGuide: (id: string) => `unknown guide "${id}" (declare it under \`guides\`)`,
  unknownGuideKey: (key: string) => `no question of the guide has the key "${key}"`,
  unknownGuideValue: (key: string, value: string) => `question "${key}" has no choice "${value}"`,
  duplicateCommand: (command: string) => `the command ${command} is declared twice`,
  variantPrefix: (variant: string, intent: string) => `variant id "${variant}" must start with "${intent}."`,
  noKnowledge: (dir: string) => `no knowledge file (*.yaml) in ${dir}`,
  noIntents: (dir: string) => `no intent (*.yaml with \`intents\`) in ${dir}`,
  yamlSyntax: (detail: string) => `is not valid YAML: ${detail}`,
  unreadable: (detail: string) => `cannot be read: ${detail}`,
} as const;
