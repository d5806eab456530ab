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

/** Counts tactic clauses: "launch a webinar, test paid search and publish pages" → 3. */
export const countTacticClauses = (text: string): number => tacticClauses(text).length;

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
/** Anything that bounds a period: a number, a calendar word, a quarter or half, a season, an end. */
const PERIOD = new RegExp(
  `\\d|\\b(${MONTHS}|days?|weeks?|fortnights?|months?|quarters?|years?|sprints?|semesters?|seasons?|halves|half|q[1-4]|h[12]|fy\\d*|spring|summer|autumn|fall|winter|christmas|eoy|eoq|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\\b`,
  'i',
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

/** Rules that let the count of dots decide, or say "best" with no basis (which ends in the same place). */
const POPULARITY = [
  /\bmost (votes|voted|dots|popular|liked|likes|upvotes?)\b/i,
  /\b(top|highest|best)[- ](voted|rated|scored by votes)\b/i,
  /\b(popular vote|majority (vote|wins|rules)|whatever (wins|gets)|show of hands)\b/i,
  /\b(the )?(best|good|great|strongest|coolest|favou?rite) (ideas?|ones?|options?)\b/i,
  /^(the )?best\.?$/i,
  /\bwhat(ever)? (the team|everyone|people|we) (likes?|love|prefers?|wants?)\b/i,
  /\b(gut feel(ing)?|what feels right)\b/i,
];

const AUTHORITY_ROLE =
  '(the )?(ceo|cmo|cto|coo|cfo|cpo|founders?|boss|hippo|leadership|management|execs?|executives?|vps?|directors?|managers?|stakeholders?|board|owner|head of [a-z]+)';
/** Rules that defer to a person's taste: "what the CEO likes", "approved by leadership". */
const AUTHORITY = [
  new RegExp(`\\b${AUTHORITY_ROLE} (likes?|loves?|wants?|prefers?|says?|picks?|chooses?|decides?|favou?rs?|approves?|signs? off)\\b`, 'i'),
  new RegExp(`\\b(liked|loved|wanted|preferred|picked|chosen|approved|favou?red|signed off) by ${AUTHORITY_ROLE}\\b`, 'i'),
  /\bhippo\b/i,
];

/** A decision rule must choose on the strategy's terms, not on popularity or on someone's taste. */
export function checkRule(rule: string): BriefWarning | null {
  const text = rule.trim();
  if (!text) return null;
  if (AUTHORITY.some((r) => r.test(text))) {
    return {
      field: 'decisionRule.rule',
      code: 'rule-authority',
      message: `"${text}" defers to one person's taste: the team will guess what they like instead of judging ideas against the objective.`,
      suggestion:
        'Write down what that person would judge by, as a rule anyone can apply, e.g. "Prefer ideas that move enterprise consideration this quarter at low cost".',
    };
  }
  if (POPULARITY.some((r) => r.test(text))) {
    return {
      field: 'decisionRule.rule',
      code: 'rule-popularity',
      message: `"${text}" lets popularity decide: "best" with no basis ends as whatever gets the most dots.`,
      suggestion:
        'Say what makes an idea best for this objective, e.g. "Prefer ideas that reach IT leads within the horizon and cost little to test"; use votes as input, not as the rule.',
    };
  }
  return null;
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
];

/**
 * A success metric that counts outputs ("number of posts published") can
 * hit its target while the strategy fails. Outcomes are what people other
 * than the team do: buy, stay, shortlist, sign up.
 */
export function checkMetricOutput(name: string, i: number): BriefWarning | null {
  const text = name.trim();
  if (!text || !OUTPUT_METRICS.some((r) => r.test(text))) return null;
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
  /\b(no|not|never|nothing|none|only|must|mustn't|should|shall|cannot|can't|don't|won't|within|inside|under|below|above|over|at most|at least|max|maximum|min|minimum|budget|before|after|until|by|without|limit|limited|less|more|fewer|up to|comply|compliant|legal|approved|existing|current|same|fixed|per)\b|[€$£%]|\d/i;

/**
 * A constraint bounds every idea ("No paid media before Q3"). A list of
 * things to do is a set of tactics that skipped the board: each belongs as
 * an idea, where it can be judged against the rule with the rest.
 */
export function checkConstraint(constraint: string, i: number): BriefWarning | null {
  const text = constraint.trim();
  const clauses = tacticClauses(text);
  // "Ship inside the current release train" starts like a tactic but bounds one: every tactic clause must carry a limit.
  if (clauses.every((c) => LIMIT_MARKERS.test(c))) return null;
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
