/** A career page in the career center's template, as read: every part it could read, and what it could not. */
export interface CareerPage {
  readonly category?: string;
  readonly title: string;
  readonly overview: readonly string[];
  readonly duties: readonly string[];
  readonly salaries: readonly { readonly label: string; readonly value: number; readonly line: string }[];
  readonly training: readonly string[];
  readonly steps: readonly { readonly title: string; readonly text: string }[];
  readonly faq: readonly { readonly question: string; readonly answer: string }[];
  readonly titles: readonly string[];
  readonly certifications: readonly { readonly name: string; readonly acronym: string; readonly issuer?: string; readonly summary: string; readonly lines: readonly string[] }[];
  /** Lines no part of the template took, and template parts the page lacks. */
  readonly unread: readonly string[];
  readonly missing: readonly string[];
}

/** Raised when a page cannot be imported at all; says what is wrong and what to do. */
export class PageError extends Error {
  readonly code = 'PAGE_UNREADABLE';
  constructor(message: string) {
    super(message);
    this.name = 'PageError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', bull: '•', hellip: '…', copy: '©', reg: '®', trade: '™' };

/** A certification's heading: its name and acronym ("Certified Professional Coder (CPC):"). */
const CERT_HEAD = /^(.+?)\s*\(([A-Z][A-Za-z0-9-]{1,9})\):?$/;

/** Where a page names who offers a certification: "offered by", "issued by", "from" (any case). */
const CUE = String.raw`\b(?:(?:offered|issued|administered|awarded)\s+by|from)\s+`;
const ISSUER_CUE = new RegExp(`${CUE}(?:the\\s+)?`, 'gi');
/** An issuer clause's start: the cue and a word after it. */
const CLAUSE_CUE = new RegExp(`${CUE}\\S`, 'i');
/** The issuer's name after the cue: capitalised words, the linking words between them, an acronym in brackets. */
const ISSUER_NAME = /^([A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|in|on|the|&)\s+)*[A-Z][\w&.-]*)*(?:\s+\([A-Z][\w&.-]*\))?)/;

/**
 * A certification's line without its opening issuer clause ("Offered by AAPC, this is …" -> "this
 * is …"): the clause ends at the first comma and must name someone after its cue. Found by index,
 * not by one pattern with two open runs, which backtracks quadratically on a long line without a comma.
 */
function withoutIssuerClause(line: string): string {
  const comma = line.indexOf(',');
  if (comma < 0) return line;
  return CLAUSE_CUE.test(line.slice(0, comma)) ? line.slice(comma + 1).trimStart() : line;
}

/** Who offers a certification, as its line names it ("Offered by the National Guild of Surgical Practice (NGSP)"). */
function issuerOf(line: string): string | undefined {
  for (const cue of line.matchAll(ISSUER_CUE)) {
    const name = ISSUER_NAME.exec(line.slice(cue.index! + cue[0].length))?.[1];
    if (name) return name;
  }
  return undefined;
}

/** Where `marker` next closes a tag at or after `from` ("</nav" in "</nav>", not in "</nav-tabs>"), or -1. */
function closingAt(lower: string, marker: string, from: number): number {
  let end = lower.indexOf(marker, from);
  while (end >= 0 && /[a-z0-9-]/.test(lower[end + marker.length] ?? '')) end = lower.indexOf(marker, end + 1);
  return end;
}

/**
 * Removes what lies between `open` and `close` markers, in one pass over the text (a page of
 * unclosed markers costs what its length does); an unclosed one removes the rest, or only itself
 * when `unclosed` is 'keep' (an unclosed <nav> must not take the page with it).
 */
function cut(text: string, open: RegExp, close: (opened: string) => string, replacement: string, unclosed: 'drop' | 'keep' = 'drop'): string {
  let out = '';
  let at = 0;
  const lower = text.toLowerCase();
  // Where each closing marker is known to occur no more: a page of a million unclosed <nav>s is searched once.
  const noneFrom = new Map<string, number>();
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const marker = close(m[0].toLowerCase());
    const from = m.index + m[0].length;
    const end = from >= (noneFrom.get(marker) ?? Infinity) ? -1 : closingAt(lower, marker, from);
    if (end < 0) noneFrom.set(marker, Math.min(from, noneFrom.get(marker) ?? Infinity));
    if (end < 0 && unclosed === 'keep') continue;
    out += text.slice(at, m.index) + replacement;
    if (end < 0) return out;
    at = end + marker.length;
    // "</script  >": the closing tag ends at its ">".
    if (!marker.endsWith('>')) at = lower.indexOf('>', at) < 0 ? text.length : lower.indexOf('>', at) + 1;
    open.lastIndex = at;
  }
  return out + text.slice(at);
}

/** The text without its <head>: up to "</head>", or to "<body" where the head is left unclosed (HTML allows it). */
function withoutHead(text: string): string {
  const lower = text.toLowerCase();
  const open = /<head(?=[\s>])/.exec(lower);
  if (!open) return text;
  const close = closingAt(lower, '</head', open.index);
  const body = lower.indexOf('<body', open.index);
  const end = close >= 0 ? (lower.indexOf('>', close) + 1 || text.length) : body;
  return end < 0 ? text : `${text.slice(0, open.index)}\n${text.slice(end)}`;
}

/** A character reference as text, or the reference itself when it names no character that belongs in a page. */
function entity(m: string, e: string): string {
  if (e.startsWith('#')) {
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isInteger(code) && code >= 32 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[e.toLowerCase()] ?? m;
}

/** Plain lines of a page written as HTML, Markdown or text: scripts, styles and tags gone, entities decoded, bullets as "• ". */
export function pageLines(source: string): string[] {
  let text = source.replace(/\r\n?/g, '\n');
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    // Comments first: a script tag inside a comment is no script.
    text = cut(text, /<!--/g, () => '-->', '');
    text = cut(text, /<(script|style|noscript|template)(?=[\s>/])/gi, (opened) => `</${opened.slice(1)}`, '\n');
    // The head (title, metadata), navigation and footer are the site's, not the page's text: a <title>
    // often repeats the heading with the site's name ("How to Become a Paralegal | Northfield Career Center").
    text = withoutHead(text);
    text = cut(text, /<(nav|footer)(?=[\s>/])/gi, (opened) => `</${opened.slice(1)}`, '\n', 'keep');
    text = text
      // A list item whose text sits in a paragraph ("<li><p>…") is still one bullet.
      .replace(/<li\b[^>]{0,500}>(?:\s*<(?:p|div|span)\b[^>]{0,500}>)*/gi, '\n• ')
      .replace(/<\/?(p|div|section|article|header|footer|h[1-6]|ul|ol|li|br|tr|table|main|nav|dt|dd)\b[^>]{0,500}>/gi, '\n')
      .replace(/<[^<>]{0,2000}>/g, '')
      .replace(/&(#x?[0-9a-f]{1,8}|[a-z]{1,10});/gi, entity);
  }
  // Control characters and direction overrides are never content.
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*(?:[-*+•·▪●]|\d+[.)])\s+/, '• ')
        .replace(/\*\*|__/g, '')
        .replace(/[‘’]/g, "'")
        .replace(/[“”]/g, '"')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    // A bullet with nothing after it (an empty list item) is no line.
    .filter((l) => l !== '' && l !== '•');
}

const HEADINGS = {
  duties: /^(job )?duties|^what (do they|you'?ll) do/i,
  salary: /^salary( information)?$|^pay$|^wages?$/i,
  training: /^get trained$|^training$|^education( and training)?$/i,
  // A heading, not a sentence: nothing after it ends like one ("Here's how to get started: call us." is a FAQ's answer).
  steps: /^here(?:'?s| is) how to (?:begin|get started|start)\b[^.!?]{0,40}$|^how to (get started|begin|become)|^(?:follow )?(?:these |the )?steps to (?:begin|get started|start|become)\b[^.!?]{0,40}$/i,
  faq: /^frequently asked questions$|^faqs?$/i,
  certs: /^get certified$|certifications?$/i,
};

/** A training step: its title, a colon, what it says ("Earn a high school diploma or GED: ..."). */
const STEP = /^(?:step \d+[:.]?\s*)?([^:]{3,90}):\s+(.+)$/i;

/** What names a site rather than a career ("Northfield Career Center", "jobs.example.org"). */
const SITE = /\b(?:career|careers|center|centre|college|university|institute|school|academy|workforce|jobs?)\b|\.(?:com|org|edu|gov|net)\b/i;

/**
 * A title without the site's name after it: anything after " | ", or after the last dash set off by
 * spaces when what follows names a site ("Paralegal - Northfield Career Center"; "Heating - Cooling
 * Tech" stays whole). Found by index, in one pass.
 */
function withoutSiteName(title: string): string {
  const bar = title.indexOf(' | ');
  const head = bar >= 0 ? title.slice(0, bar) : title;
  const dash = Math.max(head.lastIndexOf(' - '), head.lastIndexOf(' – '), head.lastIndexOf(' — '));
  return dash >= 0 && SITE.test(head.slice(dash + 3)) ? head.slice(0, dash) : head;
}

/** A heading over the related job titles (the seed lists them under the FAQ without one). */
const TITLES_HEADING = /^(?:(?:related|other|similar|common|alternative)\s+)?(?:job\s+)?titles:?$|^also known as:?$/i;

const isBullet = (l: string) => l.startsWith('• ');
const bullet = (l: string) => l.slice(2).trim();

/** A dollar amount ("$35,780", "35780", "$35.5k"), or undefined. */
function money(text: string): number | undefined {
  const m = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d{1,2})?\s*(k)?\s*(?:a year|per year|\/\s*year|annually)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(`${m[1]!.replace(/,/g, '')}${m[2] ?? ''}`) * (m[3] ? 1000 : 1);
  // A yearly salary of a real career: above nothing, below ten million.
  return n > 0 && n < 10_000_000 ? Math.round(n) : undefined;
}

/**
 * Reads a career page in the seed's template (category line, "How to Become a …", overview, job
 * duties, salary levels, training and its steps, FAQ pairs, related titles, certifications with
 * issuer). Refuses a page without a title; everything else it cannot read is listed, not guessed.
 */
export function parseCareerPage(source: string): CareerPage {
  if (source.includes('\u0000')) throw new PageError('the page is a binary file, not text, Markdown or HTML');
  const lines = pageLines(source);
  if (lines.length === 0) throw new PageError('the page is empty');
  const titleAt = lines.findIndex((l) => /^how to become an? /i.test(l));
  if (titleAt < 0) throw new PageError('the page has no title: it needs a line "How to Become a <career>" (the seed\'s template)');
  const title = withoutSiteName(lines[titleAt]!.replace(/^how to become an? /i, '')).replace(/[.:]+$/, '').trim();
  if (!title) throw new PageError('the title line "How to Become a …" names no career');
  // The short line before the title, unless it names the site ("Northfield Career Center" in a page's header).
  const category = titleAt > 0 && lines[titleAt - 1]!.split(' ').length <= 4 && !SITE.test(lines[titleAt - 1]!) ? lines[titleAt - 1] : undefined;

  const unread: string[] = lines.slice(0, titleAt).filter((l) => l !== category);
  const overview: string[] = [];
  const duties: string[] = [];
  const salaries: { label: string; value: number; line: string }[] = [];
  const training: string[] = [];
  const steps: { title: string; text: string }[] = [];
  const faq: { question: string; answer: string }[] = [];
  const titles: string[] = [];
  const certifications: { name: string; acronym: string; issuer?: string; summary: string; lines: string[] }[] = [];

  type Part = 'overview' | keyof typeof HEADINGS | 'none';
  let part: Part = 'overview';
  let cert: { name: string; acronym: string; head: string } | undefined;
  const seen = new Set<keyof typeof HEADINGS>();
  let headingLine = '';
  const lower = title.toLowerCase();
  for (const line of lines.slice(titleAt + 1)) {
    const heading = (Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]).find((k) => !isBullet(line) && line.length < 80 && HEADINGS[k].test(line));
    if (heading) {
      // A part given twice keeps its first telling; the repeat is reported, never merged or preferred.
      // ("Get Certified" then "… Certifications" is one part under two headings.)
      if (heading !== part || line === headingLine) {
        part = seen.has(heading) ? 'none' : heading;
        if (part === 'none') unread.push(line);
        seen.add(heading);
      }
      headingLine = line;
      continue;
    }
    // Banner lines that repeat the career's name ("Medical Records Specialist Job Overview") carry no content.
    // A certification may carry the career's name ("Registered Chairside Dental Assistant (RCDA):").
    if (!isBullet(line) && line.length < 80 && line.toLowerCase().includes(lower) && !/[.?]$/.test(line) && !(part === 'certs' && CERT_HEAD.test(line))) {
      if (part === 'steps') part = 'none';
      continue;
    }
    switch (part) {
      case 'overview':
        (isBullet(line) ? unread : overview).push(line);
        break;
      case 'duties':
        if (isBullet(line)) duties.push(bullet(line));
        else unread.push(line);
        break;
      case 'salary': {
        const [label, amount] = bullet(line).split(/:\s*/, 2);
        const value = amount === undefined ? undefined : money(amount);
        if (label && value !== undefined) salaries.push({ label: label.trim(), value, line: bullet(line) });
        else unread.push(line);
        break;
      }
      case 'training': {
        // Steps listed with no line introducing them ("Finish high school or earn a GED: ...") are the steps.
        const step = isBullet(line) ? STEP.exec(bullet(line)) : null;
        if (step && !seen.has('steps')) {
          part = 'steps';
          seen.add('steps');
          steps.push({ title: step[1]!.trim(), text: step[2]!.trim() });
        } else if (isBullet(line)) unread.push(line);
        else training.push(line);
        break;
      }
      case 'steps': {
        const m = STEP.exec(isBullet(line) ? bullet(line) : line);
        if (m) steps.push({ title: m[1]!.trim(), text: m[2]!.trim() });
        else unread.push(line);
        break;
      }
      case 'faq': {
        if (isBullet(line)) titles.push(bullet(line));
        // The related titles' own heading ("Related Job Titles") belongs to no answer.
        else if (TITLES_HEADING.test(line)) continue;
        else if (/\?$/.test(line)) faq.push({ question: line, answer: '' });
        else if (faq.length > 0) {
          const last = faq[faq.length - 1]!;
          // The seed repeats an answer's paragraph; a repeat adds nothing.
          if (!last.answer.includes(line)) faq[faq.length - 1] = { ...last, answer: last.answer ? `${last.answer} ${line}` : line };
        } else unread.push(line);
        break;
      }
      case 'certs': {
        const head = CERT_HEAD.exec(line);
        if (head) {
          cert = { name: head[1]!.trim(), acronym: head[2]!, head: line };
          continue;
        }
        if (!cert) {
          unread.push(line);
          break;
        }
        const issuer = issuerOf(line);
        const summary = withoutIssuerClause(line)
          .replace(/^this (?:credential |certification )?is\s+/i, '')
          .replace(/[.]\s*$/, '');
        certifications.push({ name: cert.name, acronym: cert.acronym, ...(issuer ? { issuer } : {}), summary, lines: [cert.head, line] });
        cert = undefined;
        break;
      }
      case 'none':
        unread.push(line);
        break;
    }
  }
  const missing = (
    [
      ['overview', overview.length],
      ['job duties', duties.length],
      ['salary levels', salaries.length],
      ['training', training.length],
      ['training steps', steps.length],
      ['FAQ pairs', faq.filter((f) => f.answer).length],
      ['certifications', certifications.length],
    ] as const
  )
    .filter(([, n]) => n === 0)
    .map(([name]) => name);
  return { ...(category ? { category } : {}), title, overview, duties, salaries, training, steps, faq: faq.filter((f) => f.answer), titles, certifications, unread, missing };
}
