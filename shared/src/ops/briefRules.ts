import type { BriefWarning } from './checkBrief.ts';

/**
 * The word-level rules behind `checkBrief`: each looks at one field and
 * returns one warning or null. They are deliberately conservative — a false
 * warning on a good brief teaches people to ignore the check — so each
 * pattern names a specific weakness rather than guessing at quality.
 */

/** Verbs that start a tactic (a thing to do) rather than a strategic choice. */
const TACTIC_VERBS = [
  'launch',
  'test',
  'publish',
  'run',
  'build',
  'create',
  'send',
  'post',
  'host',
  'write',
  'ship',
  'add',
  'redesign',
  'start',
  'hire',
  'buy',
  'sponsor',
  'email',
  'tweet',
  'record',
  'produce',
  'organise',
  'organize',
  'set up',
  'roll out',
  'try',
  'make',
  'open',
  'attend',
];

/** The clauses of `text` that start with a tactic verb (lower-cased). */
export function tacticClauses(text: string): string[] {
  return text
    .toLowerCase()
    .split(/,|;|\band\b|\bthen\b|\bplus\b|\n|•|- /)
    .map((c) => c.trim())
    .filter((c) => c && TACTIC_VERBS.some((v) => c === v || c.startsWith(`${v} `)));
}

/** Whether `text` opens with a tactic verb, as a thing to do does ("Launch a podcast…"). */
export const startsWithTactic = (text: string): boolean => {
  const lower = text
    .trim()
    .toLowerCase()
    .replace(/^[-•*\s]+/, '');
  return TACTIC_VERBS.some((v) => lower === v || lower.startsWith(`${v} `));
};

/** Counts tactic clauses: "launch a webinar, test paid search and publish pages" → 3. */
export const countTacticClauses = (text: string): number => tacticClauses(text).length;

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
/**
 * Period words in the languages teams write briefs in besides English (French, German, Spanish,
 * Portuguese, Italian, Dutch): a "prochain trimestre" is as bounded as a "next quarter".
 * German compounds (Jahresende, Quartalsende) are matched by stem below.
 */
const PERIOD_WORDS_INTL = [
  'jours?|semaines?|mois|trimestres?|semestres?|ans|années?|été|hiver|printemps|automne|fin|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre|deux|trois|quatre|douze',
  'tage?n?|wochen?|monate?n?|sommer|frühling|herbst|ende|januar|februar|märz|juni|juli|oktober|dezember|zwei|drei|vier|sechs|zwölf',
  'días?|semanas?|mes|meses|años?|verano|invierno|primavera|otoño|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|dos|tres|cuatro|seis|doce',
  'dias?|mês|anos?|verão|outono|fim|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|dois|três',
  'giorni|settimane?|mesi|mese|anno|anni|estate|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|tre|sei',
  'dagen|weken|maand(en)?|kwartaal|jaar|zomer|lente|herfst|eind|einde|twee|drie|zes',
].join('|');
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
/** Anything that bounds a period: a number, a calendar word, a quarter or half, a season, an end. */
const PERIOD = new RegExp(
  [
    '\\d',
    `${NOT_LETTER_BEFORE}(${MONTHS}|days?|weeks?|fortnights?|months?|quarters?|years?|sprints?|semesters?|seasons?|halves|half|q[1-4]|h[12]|fy\\d*|spring|summer|autumn|fall|winter|christmas|eoy|eoq|end|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|${PERIOD_WORDS_INTL})(?!\\p{L})`,
    // German builds compounds on these stems: Jahresende, Quartalsende, Halbjahr.
    `${NOT_LETTER_BEFORE}(jahr|quartal|halbjahr|monats)`,
    // Chinese, Japanese and Korean name periods with these characters: 来期, 下个季度, 今年度, 3개월, 다음 분기.
    '[年月週周日期季]|분기|개월|[년월주]',
  ].join('|'),
  'iu',
);

/** A horizon with no period ("soon", "ASAP", "long term") cannot be judged: the strategy never comes due. */
export function checkHorizon(horizon: string): BriefWarning | null {
  const text = horizon.trim();
  if (!text || PERIOD.test(text)) return null;
  return {
    field: 'horizon',
    code: 'horizon-no-period',
    message: `"${text}" names no period, so the strategy never comes due for judgement.`,
    suggestion: 'Give a period with an end, e.g. "H1 2027", "by end of Q3" or "the next 90 days".',
  };
}

/**
 * What follows "the best ideas" when the rule gives a basis ("best ideas for IT leads that fit the
 * budget", "strongest ideas against our criteria"): then "best" is defined, not left to the dots.
 */
const BASIS =
  '(?!\\s+(for|that|which|who|against|on|within|under|given|according|in terms of|measured|judged|scored against|serving|by (the )?(weighted )?(scores?|criteria))\\b)';
/** Rules that let the count of dots decide, or say "best" with no basis (which ends in the same place). */
const POPULARITY = [
  /\bmost (votes|voted|dots|popular|liked|likes|upvotes?)\b/i,
  /\b(top|highest|best)[- ](voted|rated|scored by votes)\b/i,
  /\b(popular vote|majority (vote|wins|rules)|(go with|follow|side with) the majority|whatever (wins|gets)|show of hands)\b/i,
  new RegExp(`\\b(the )?(best|good|great|strongest|top) (ideas?|ones?|options?)\\b${BASIS}`, 'i'),
  /\b(coolest|favou?rite) (ideas?|ones?|options?)\b/i,
  /^(pick |choose |take )?(the )?best\.?$/i,
  /\bwhat(ever)? (the team|everyone|everybody|we) (likes?|loves?|prefers?|wants?)\b/i,
  /\b(gut feel(ing)?|what feels right)\b/i,
];

/**
 * People whose taste a rule may defer to. Managers, directors and owners are also who many products
 * serve ("help store managers decide faster"), so they count only as "my/our manager".
 */
const AUTHORITY_ROLE =
  '((the |our |my )?(ceo|cmo|cto|coo|cfo|cpo|founders?|boss|hippo|leadership|senior leadership|management|execs?|executives?|c-suite|vps?|board)|(my|our) (managers?|directors?|owners?|stakeholders?|head of [a-z]+))';
const TASTE_VERB = '(likes?|loves?|wants?|prefers?|says?|picks?|chooses?|decides?|favou?rs?|approves?|signs? off)';
/** Rules that defer to a person's taste: "what the CEO likes", "approved by leadership", "the CEO decides". */
const AUTHORITY = [
  new RegExp(`\\b(what(ever)?|whichever|anything|ideas?|ones?|options?) ${AUTHORITY_ROLE} ${TASTE_VERB}\\b`, 'i'),
  new RegExp(`^(let |ask )?${AUTHORITY_ROLE} ${TASTE_VERB}\\b`, 'i'),
  new RegExp(`\\b(liked|loved|wanted|preferred|picked|chosen|approved|favou?red|signed off) by ${AUTHORITY_ROLE}\\b`, 'i'),
  new RegExp(`\\b${AUTHORITY_ROLE}('s|’s)? (call|choice|pick|preference|say|final say|favou?rites?|pet (ideas?|projects?))\\b`, 'i'),
  /\bhippo\b/i,
];

/** The brief's own audience for an example, when it names one ("IT leads" otherwise). */
const whoOf = (audience?: string) => audience?.trim().replace(/\.$/, '') || 'IT leads';

/**
 * A decision rule must choose on the strategy's terms, not on popularity or on someone's taste.
 * `audience` (the brief's) makes the suggested rule one this team could adopt as written.
 */
export function checkRule(rule: string, audience?: string): BriefWarning | null {
  const text = rule.trim();
  const example = `"Prefer ideas that reach ${whoOf(audience)} within the horizon and cost little to test"`;
  if (!text) return null;
  if (AUTHORITY.some((r) => r.test(text))) {
    return {
      field: 'decisionRule.rule',
      code: 'rule-authority',
      message: `"${text}" defers to one person's taste: the team will guess what they like instead of judging ideas against the objective.`,
      suggestion: `Write down what that person would judge by, as a rule anyone can apply, e.g. ${example}.`,
    };
  }
  if (POPULARITY.some((r) => r.test(text))) {
    return {
      field: 'decisionRule.rule',
      code: 'rule-popularity',
      message: `"${text}" lets popularity decide: "best" with no basis ends as whatever gets the most dots.`,
      suggestion: `Say what makes an idea best for this objective, e.g. ${example}; use votes as input, not as the rule.`,
    };
  }
  return null;
}

/** Criteria that measure what an idea costs rather than what it achieves: their 5 is the cheap end. */
const COST_CRITERION = /\b(effort|cost|costs|time|risk|complexity|budget|spend|price|feasibility|ease)\b/i;

/**
 * The criterion's own scale as an example: what a 5 and a 1 mean, for this
 * brief's audience (or, for a cost-like criterion, in effort).
 */
export function criterionExample(name: string, audience?: string): string {
  const n = name.trim();
  return COST_CRITERION.test(n)
    ? `"${n}: 5 = one person can try it within a week; 1 = needs more than a quarter or new budget"`
    : `"${n}: 5 = clearly moves ${whoOf(audience)} toward the objective within the horizon; 1 = no visible effect"`;
}

/** Things a team makes or does: counting them measures effort, not whether the strategy worked. */
const OUTPUT_NOUNS =
  '(posts?|blog ?posts?|articles?|blogs?|videos?|emails?|newsletters?|webinars?|events?|campaigns?|ads?|adverts?|pages?|landing pages?|features?|releases?|tweets?|assets?|pieces?|content|slides?|decks?|podcasts?|episodes?|press releases?|case studies|whitepapers?|white papers?|tasks?|story points|workshops?|mailings?|brochures?|banners?)';
const OUTPUT_VERBS =
  '(published|posted|sent|produced|created|written|shipped|launched|held|run|hosted|delivered|made|built|released|completed|done|finished|drafted|recorded|organi[sz]ed|attended|scheduled)';
/** After the counted noun, only its verb or a rate may follow: "number of page views" counts readers, not pages. */
const COUNT_END = `(\\s+${OUTPUT_VERBS})?\\s*($|\\(|\\b(per|each|every|a|an|in|on|this|by)\\b)`;
const OUTPUT_METRICS = [
  new RegExp(`(?<!\\w)(number|no\\.?|#|count|amount|total|quantity|volume) of ${OUTPUT_NOUNS}${COUNT_END}`, 'i'),
  new RegExp(`\\b${OUTPUT_NOUNS} ${OUTPUT_VERBS}\\b`, 'i'),
  new RegExp(`^#?\\s*${OUTPUT_NOUNS}$`, 'i'),
  // "Releases per month", "Posts a week": a rate of making things is still an output.
  new RegExp(`^#?\\s*${OUTPUT_NOUNS}( ${OUTPUT_VERBS})? (per|a|each|every) (day|week|fortnight|month|quarter|sprint|year)$`, 'i'),
];

/**
 * "Tasks completed by store managers", "emails sent by users": done by someone other than the team,
 * so an outcome (the product's use), not an output. "Posts published by the team" stays an output.
 */
const DONE_BY_AUDIENCE =
  /\bby (?!(the |our |each |every )?([a-z-]+ )?(team|teams|us|we|staff|engineers?|writers?|marketers?|editors?|designers?|developers?|agency|agencies|freelancers?|contractors?)\b)[a-z]/i;

/**
 * A success metric that counts outputs ("number of posts published") can
 * hit its target while the strategy fails. Outcomes are what people other
 * than the team do: buy, stay, shortlist, sign up.
 */
export function checkMetricOutput(name: string, i: number): BriefWarning | null {
  const text = name.trim();
  if (!text || !OUTPUT_METRICS.some((r) => r.test(text)) || DONE_BY_AUDIENCE.test(text)) return null;
  return {
    field: `successMetrics.${i}`,
    code: 'metric-output',
    message: `"${text}" counts what the team produces (an output); it can hit target while the strategy fails.`,
    suggestion:
      'Measure what the audience does because of that work, e.g. "Demo requests from enterprise accounts" or "Share of enterprise shortlists"; keep the output count as a step\'s success check.',
  };
}

/** Words that make a sentence a limit: a rule about what may not, must, or only happens. */
const LIMIT_MARKERS =
  /\b(no|not|never|nothing|none|only|must|mustn't|should|shall|cannot|can't|don't|won't|within|inside|under|below|above|over|at most|at least|max|maximum|min|minimum|budget|before|after|until|by|without|limit|limited|less|more|fewer|up to|comply|compliant|legal|approved|existing|current|same|fixed|per|nobody|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|[€$£%]|\d/i;

/**
 * A verb followed by how, where or for whom rather than by a thing to make
 * ("Write in plain English", "Build for mobile first", "Make it accessible",
 * "Test with real customers") sets a rule for every idea, not a tactic.
 */
const HOW_NOT_WHAT =
  /^(set up|roll out|\S+) (in|into|for|with|to|it|them|everything|anything|nothing|nobody|no|only|past|within|inside|under|without|before|after|from|at|by|first|all|any|every idea)\b/i;

/**
 * A constraint bounds every idea ("No paid media before Q3"). A list of
 * things to do is a set of tactics that skipped the board: each belongs as
 * an idea, where it can be judged against the rule with the rest.
 */
export function checkConstraint(constraint: string, i: number): BriefWarning | null {
  const text = constraint.trim();
  const clauses = tacticClauses(text);
  // A constraint that opens with its subject ("The two owners, Amélie and Théo, run everything") describes a limit.
  if (clauses.length === 0 || !startsWithTactic(text)) return null;
  // "Ship inside the current release train" starts like a tactic but bounds one: every tactic clause must carry a limit.
  if (clauses.every((c) => LIMIT_MARKERS.test(c) || HOW_NOT_WHAT.test(c))) return null;
  const tactics = clauses.length;
  return {
    field: `constraints.${i}`,
    code: 'constraint-tactic',
    message:
      tactics > 1
        ? `"${text}" lists ${tactics} things to do: tactics, not a limit on ideas.`
        : `"${text}" is a thing to do (a tactic), not a limit on ideas.`,
    suggestion:
      'Put the tactics on the board as ideas so they are judged with the rest; here, state a limit every idea must respect, e.g. "No paid media before Q3" or "Budget under €20k".',
  };
}
