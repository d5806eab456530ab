import type { Brief } from '../model/brief.ts';
import { type ConstraintSense, senseConstraint } from './constraintSense.ts';

/**
 * What can be read off a brief without a language model: the audience's
 * head noun phrase, the objective's outcome and metric, what each constraint
 * rules out, and each initiative's theme. The offline idea generator writes
 * with these instead of pasting whole fields back.
 */
export interface BriefSense {
  /** Whether the brief is about a software product (an app, a platform, an API…). */
  digital: boolean;
  /** Content words of the objective, audience and initiatives: what the brief is about (an analogy from that very field is no analogy). */
  topics: ReadonlySet<string>;
  audience: AudienceSense;
  objective: ObjectiveSense;
  constraints: ConstraintSense[];
  initiatives: InitiativeSense[];
}

export interface AudienceSense {
  /** The head noun phrase as it reads mid-sentence: "IT and security leads", "small-business owners". */
  short: string;
  /** Its last noun for people: "leads", "owners". */
  head: string;
  /** Whether they meet us in their working role (leads, managers, developers) rather than as people. */
  atWork: boolean;
}

export type Direction = 'up' | 'down' | 'reach';

export interface ObjectiveSense {
  /** The leading verb, lower-cased, when the objective starts with one ("increase"). */
  verb: string | null;
  /** Whether the metric should rise, fall, or is a state to reach ("become the default choice"). */
  direction: Direction;
  /** What moves, as a short noun phrase: "90-day retention", "missed appointments", "consideration". */
  metric: string;
  /** The change as an infinitive phrase for "…, to increase 90-day retention": the objective's verb and metric, never its whole text. */
  outcome: string;
}

export interface InitiativeSense {
  id: string;
  /** The title's first clause, at most eight words, as written (it is quoted, so keeps its capitals). */
  theme: string;
  /** Content words of title and description, for matching ideas to initiatives. */
  keywords: Set<string>;
}

export type BriefForSense = Pick<Brief, 'objective' | 'audience' | 'constraints' | 'initiatives'> & Partial<Pick<Brief, 'successMetrics'>>;

export function understandBrief(brief: BriefForSense): BriefSense {
  // Constraints often name software they rule out ("no new software licences"): only the rest says what the product is.
  const about = [brief.objective, brief.audience, ...brief.initiatives.map((i) => i.title)].join(' ');
  const audience = senseAudience(brief.audience);
  const objective = senseObjective(brief.objective, brief.successMetrics?.map((m) => m.name) ?? []);
  // "to get more field engineers logging…" next to "field engineers" reads better as "to get more of them logging…".
  objective.outcome = objective.outcome.replace(`more ${audience.short} `, 'more of them ');
  return {
    digital: DIGITAL.test(about),
    topics: contentWords(about),
    audience,
    objective,
    constraints: brief.constraints.map(senseConstraint),
    initiatives: brief.initiatives.map((i) => ({
      id: i.id,
      theme: clause(i.title).split(' ').length <= 10 ? clause(i.title) : firstWords(clause(i.title), 8),
      keywords: contentWords(`${i.title} ${i.description}`),
    })),
  };
}

// ---------------------------------------------------------------------------
// Words

/** Small words that never carry the meaning of a phrase, and never end one. */
export const STOP_WORDS = new Set(
  'a an the and or but nor of to in on for with by from at as into onto over under among between through about than then so that this these those who whom whose which what when where why how we our us you your they their them it its is are be been being was were will would can could should may might must need needs more most less very just also not no any all each every own same such only other'.split(
    ' ',
  ),
);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const stripEnd = (s: string) => s.replace(/[\s.!?;:,—–-]+$/u, '');

/**
 * The first clause of `s`: up to a comma (not one inside a number such as
 * "2,000"), semicolon, colon, dash or bracket.
 */
export function clause(s: string): string {
  const t = collapse(s);
  // CJK text marks its clauses with its own punctuation (、，；：。) and has no spaces to count words by.
  const cut = t.search(/,(?!\d)|;|:|[、，；：。！？]|\s[—–-]\s|\s\(/u);
  return stripEnd(cut > 0 ? t.slice(0, cut) : t);
}

/** At most `n` words of `s`, never ending on a small word ("…for our"). */
export function firstWords(s: string, n: number): string {
  let words = collapse(s).split(' ');
  if (words.length > n) words = words.slice(0, n);
  while (words.length > 1 && STOP_WORDS.has((words[words.length - 1] as string).toLowerCase())) words.pop();
  return stripEnd(words.join(' '));
}

/** Lower-cases a capitalised ordinary first word so the phrase reads mid-sentence; keeps acronyms and nationalities. */
export function midSentence(s: string): string {
  const first = s.split(' ')[0] ?? '';
  if (!/^\p{Lu}[\p{Ll}-]+$/u.test(first)) return s;
  if (/(?:ese|ian|ish|ean|can|ch)$/.test(first) && !/^(?:Technician|Physician|Musician|Clinician|Politician)/.test(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function contentWords(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w)),
  );
}

// ---------------------------------------------------------------------------
// Audience

/** Words that start a qualifier after the head noun phrase: "leads | at 200-2,000 person companies". */
const AUDIENCE_BREAK =
  /\s(?:who|whom|whose|that|which|where|when|at|in|from|with|across|on|using|near|within|living|based|working|mostly|especially|including|such as|like|via|through|during|after|before)\s/iu;

/** Words that give away a software product. */
const DIGITAL =
  /\b(?:apps?|api|sdks?|saas|software|platform|online|web(?:site)?|digital|dashboard|integrations?|sign(?:ed)?[- ]?up|log(?:ging)? in|self-serve|marketplace|users?)\b/i;

/** Working roles: an audience of these meets us at work, with managers, colleagues and teams. */
const WORK_ROLES =
  /\b(?:leads?|managers?|heads?|directors?|developers?|engineers?|buyers?|owners?|founders?|officers?|admins?|administrators?|analysts?|teams?|staff|executives?|vps?|ctos?|cios?|cfos?|supervisors?|professionals?|procurement|sellers?|makers?|traders?|agencies|recruiters?|marketers?|designers?|operators?)\b/i;

/** People met in their private lives: an audience that includes them is not only "at work". */
const PRIVATE_LIFE =
  /\b(?:families|parents|patients|carers|students|pupils|children|adults|visitors|residents|citizens|fans|readers|shoppers|guests|members|households|neighbours|volunteers)\b/i;

/** Nouns that name a group of people; the audience's head noun is the last of these. */
const PEOPLE =
  /(?:ers|ors|ists|ants|ents|ees|ians|people|users|customers|buyers|leads|heads|teams|staff|patients|students|parents|carers|members|clients|families|children|visitors|citizens|residents|adults|makers|sellers|owners|managers|developers|engineers|founders|traders|agencies|shoppers|readers|fans|volunteers|nurses|doctors|teachers)$/i;

export function senseAudience(audience: string): AudienceSense {
  let t = clause(audience);
  // "aged 65+" and "aged 18-30" belong to the group; other qualifiers start after the head noun phrase.
  const aged = t.match(/^(.*?\saged\s\d+(?:\+|[-–]\d+)?)/i);
  const cut = t.search(AUDIENCE_BREAK);
  if (aged?.[1] && (cut < 0 || aged[1].length >= cut)) t = aged[1];
  else if (cut > 0) t = t.slice(0, cut);
  // "Customers" alone says little: keep its relative clause ("customers who churned").
  if (t.split(' ').length === 1 && /^(people|users|customers|clients|anyone|everyone)$/i.test(t)) {
    t = firstWords(clause(audience).replace(/\s(?:in|at|from|on|within|over)\s.*$/i, ''), 6);
  }
  let words = t.split(' ');
  if (words.length > 6) {
    const lastPeople = words.slice(0, 7).findLastIndex((w) => PEOPLE.test(w));
    words = lastPeople >= 1 ? words.slice(0, lastPeople + 1) : words.slice(0, 6);
  }
  const short = midSentence(firstWords(words.join(' ').replace(/^(?:the|our|all|any|some)\s/i, ''), 7)) || 'the people we serve';
  const head = short.split(' ').findLast((w) => PEOPLE.test(w)) ?? short.split(' ').at(-1) ?? short;
  return { short, head, atWork: WORK_ROLES.test(short) && !PRIVATE_LIFE.test(short) };
}

// ---------------------------------------------------------------------------
// Objective

const UP = new Set(
  'increase grow lift raise double triple boost improve expand drive accelerate win earn gain deepen strengthen get'.split(' '),
);
const DOWN = new Set('reduce cut lower halve shorten decrease minimise minimize shrink eliminate end stop prevent remove'.split(' '));
const REACH = new Set('become make build launch establish create turn position own lead'.split(' '));

/** Words after which the metric's noun phrase is over: "retention | of new customers from 38%". */
const METRIC_BREAK =
  /\s(?:of|among|from|for|by|in|at|to|within|before|over|across|with|without|who|that|which|so|while|because|through|on|per|amongst|between|instead)\s|,|;|:|\s[—–-]\s|\s\(/iu;

export function senseObjective(objective: string, metricNames: readonly string[] = []): ObjectiveSense {
  const main = collapse(objective);
  const first = (main.split(' ')[0] ?? '').toLowerCase();
  const verb = UP.has(first) || DOWN.has(first) || REACH.has(first) ? first : null;
  const direction: Direction = verb && DOWN.has(verb) ? 'down' : verb && REACH.has(verb) ? 'reach' : 'up';
  const measuredBy = main.match(/\bmeasured (?:by|as|in)\s+([^,;.]+)/i)?.[1];

  let metric = '';
  if (verb && direction !== 'reach') {
    const rest = main
      .slice(first.length)
      .trim()
      .replace(/^(?:the|our|a|an)\s/i, '');
    // "Get 80% of field engineers logging…" names a share of people, not a metric: fall back below.
    if (!/^\d/.test(rest)) metric = nounPhrase(rest);
  }
  if (!metric && measuredBy) metric = nounPhrase(measuredBy);
  if (!metric && metricNames[0]) metric = nounPhrase(metricNames[0]);
  if (!metric) metric = nounPhrase(main.slice(verb ? first.length : 0).trim());
  metric = midSentence(metric);

  return { verb, direction, metric, outcome: collapse(outcomeOf(main, verb, direction, metric)) };
}

function outcomeOf(main: string, verb: string | null, direction: Direction, metric: string): string {
  const rest = main.slice(verb ? verb.length : 0).trim();
  if (direction === 'reach' && verb) return `to ${verb} ${firstWords(clause(rest).split(/\s(?:for|among|in|by)\s/i)[0] ?? '', 7)}`;
  // "Get 80% of field engineers logging inspections…" → "to get more field engineers logging inspections…".
  const share = verb === 'get' ? rest.match(/^\d+\s?%\s+of\s+(.*)$/i)?.[1] : undefined;
  if (share) return `to get more ${firstWords(clause(share).split(/\s(?:within|by|before)\s/i)[0] ?? '', 8)}`;
  if (verb && verb !== 'get') return `to ${verb} ${metric}`;
  return `${direction === 'down' ? 'to cut' : 'to lift'} ${metric}`;
}

/** The leading noun phrase of `s`, at most five words, cut before any qualifier. */
function nounPhrase(s: string): string {
  const t = collapse(s);
  const cut = t.search(METRIC_BREAK);
  return firstWords((cut > 0 ? t.slice(0, cut) : t).replace(/^(?:the|our|a|an)\s/i, ''), 5);
}
