import type { Brief } from '../model/brief.ts';
import { AI_LIMITS, type GeneratedIdea, GeneratedIdeaSchema, IdeaDeduper, LENS_IDS, type LensId } from './aiIdea.ts';

/** What the offline generator needs: the strategic frame and the ask. */
export interface OfflineIdeaInput {
  brief: Pick<Brief, 'objective' | 'audience' | 'constraints' | 'initiatives'>;
  /** How many ideas to produce; clamped to `AI_LIMITS.maxIdeasPerRequest`. */
  count: number;
  /** One lens, or null to rotate through all of them. */
  lens: LensId | null;
  /** An idea or cluster title to riff on. */
  riff?: string | null;
  /** Ideas already on the board: never repeated. */
  avoid?: readonly string[];
  /** Same seed, same brief, same ask → the same ideas in the same order. */
  seed: number;
}

/** The label shown as the generator and model of offline ideas, so nobody mistakes them for a model's. */
export const OFFLINE_GENERATOR = { id: 'offline', model: 'throughline-lenses-1' } as const;

/**
 * A deterministic, dependency-free idea generator. It applies named
 * ideation lenses to the brief's audience, objective, constraints and
 * initiatives by filling hand-written templates, shuffles the candidates by
 * seed and drops anything that repeats an existing or already-produced
 * idea. Every template names the audience or the objective, so each idea is
 * grounded in the brief rather than generic.
 *
 * Invariants: yields at most `count` ideas; each passes `GeneratedIdeaSchema`
 * (so is within `AI_LIMITS.maxIdeaChars`); no two are near-duplicates of each
 * other or of `avoid`. It may yield fewer than `count` when the chosen lens
 * has run out of distinct ideas for this brief.
 */
export function* offlineIdeas(input: OfflineIdeaInput): Generator<GeneratedIdea> {
  const count = Math.max(0, Math.min(Math.floor(input.count), AI_LIMITS.maxIdeasPerRequest));
  if (count === 0) return;
  const rng = mulberry32(input.seed >>> 0);
  const slots = slotsFrom(input);
  const lenses = input.lens ? [input.lens] : shuffle([...LENS_IDS], rng);
  const queues = lenses.map((lens) => {
    const all = LENS_CANDIDATES[lens](slots);
    // A riff asks for ideas about the seed: those go first, each group shuffled by seed.
    const isRiff = (t: string) => slots.riff !== null && t.includes(`"${slots.riff}"`);
    const items = [
      ...shuffle(all.filter(isRiff), rng),
      ...shuffle(
        all.filter((t) => !isRiff(t)),
        rng,
      ),
    ];
    return { lens, items };
  });
  const dedupe = new IdeaDeduper((input.avoid ?? []).slice(0, AI_LIMITS.maxAvoidIdeas * 4), 0.7);
  let produced = 0;
  while (produced < count && queues.some((q) => q.items.length > 0)) {
    for (const q of queues) {
      if (produced >= count) break;
      while (q.items.length > 0) {
        const text = q.items.shift() as string;
        const parsed = GeneratedIdeaSchema.safeParse({ text, lens: q.lens });
        if (!parsed.success || !dedupe.tryAdd(parsed.data.text)) continue;
        produced++;
        yield parsed.data;
        break;
      }
    }
  }
}

/** All of `offlineIdeas` at once. */
export const generateOfflineIdeas = (input: OfflineIdeaInput): GeneratedIdea[] => [...offlineIdeas(input)];

// ---------------------------------------------------------------------------
// Slots: the brief's words, shortened so a filled template fits on a note.

interface Slots {
  audience: string;
  /** The audience without a leading determiner, for counted phrases ("five IT leads"). */
  people: string;
  objective: string;
  focus: string[];
  constraints: string[];
  initiatives: string[];
  riff: string | null;
}

const STOP = new Set(
  'a an the and or but of to in on for with by from at as into onto over under among between through about than then so that this these those who whom whose which what when where why how we our us you your they their them it its is are be been being was were will would can could should may might must need needs more most less least very just also not no any all each every own same such only other new'.split(
    ' ',
  ),
);
/** Verbs and fillers that say nothing about what the objective is about. */
const GENERIC = new Set(
  'win grow increase reduce make making become help build improve drive get keep turn create deliver achieve gain boost raise lower cut win do doing want wants people things thing way ways year years month months first next'.split(
    ' ',
  ),
);

const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!;:,]+$/, '');

/** The leading clause of `s`, at most `maxWords` words, never ending on a dangling small word. */
function shortPhrase(s: string, maxWords: number): string {
  let t = clean(s);
  const cut = t.search(/[,;(]| — | - | so that | while | because /);
  if (cut > 0 && t.slice(0, cut).split(' ').length >= 3) t = t.slice(0, cut);
  let words = t.split(' ');
  if (words.length > maxWords) {
    words = words.slice(0, maxWords);
    const dangling = (w: string) => STOP.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase());
    while (words.length > 2 && dangling(words[words.length - 1] as string)) words.pop();
  }
  return clean(words.join(' '));
}

/** Lower-cases a leading capital on an ordinary word so the phrase reads mid-sentence ("Win x" → "win x"). */
function midSentence(s: string, determinersOnly: boolean): string {
  const first = s.split(' ')[0] ?? '';
  if (!/^[A-Z][a-z]+$/.test(first)) return s;
  if (determinersOnly && !/^(The|Our|All|Every|Any|Some|Most|Many|New|Existing|Current)$/.test(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function slotsFrom(input: OfflineIdeaInput): Slots {
  const audience = midSentence(shortPhrase(input.brief.audience, 8), true) || 'our audience';
  const objective = midSentence(shortPhrase(input.brief.objective, 12), false);
  const focus = focusTerms(objective, audience);
  const constraints = input.brief.constraints.map((c) => shortPhrase(c, 9)).filter(Boolean);
  return {
    audience,
    people: audience.replace(/^(the|our|all|every|any|some) /i, ''),
    objective,
    focus: focus.length > 0 ? focus.slice(0, 4) : [objective],
    constraints: constraints.length > 0 ? constraints : ['a small budget', 'a tight deadline', 'the team we already have'],
    initiatives: input.brief.initiatives.map((i) => shortPhrase(i.title, 8)).filter(Boolean),
    riff: input.riff ? shortPhrase(input.riff, 10) : null,
  };
}

/** Words that make a chunk a group of people rather than a topic ("enterprise buyers"). */
const PEOPLE =
  /(ers|ors|ists|ants|ents|ees|people|users|customers|buyers|leads|teams|staff|patients|students|parents|members|clients|families|children|visitors|citizens|residents)$/;
/** Endings of adjectives and adverbs, which read badly as "about X". */
const MODIFIER = /(ful|ous|ive|able|ible|less|ly)$/;

/**
 * What the objective is about, as short noun chunks: runs of content words
 * between stop words and generic verbs, minus groups of people (the
 * audience slot covers those) and dangling adjectives.
 * "Win consideration among enterprise buyers who need governance" →
 * ["consideration", "governance"].
 */
function focusTerms(objective: string, audience: string): string[] {
  const audienceWords = new Set(audience.toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  const chunks: string[][] = [[]];
  for (const w of objective.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
    if (!w || STOP.has(w) || GENERIC.has(w)) chunks.push([]);
    else (chunks[chunks.length - 1] as string[]).push(w);
  }
  const out: string[] = [];
  for (const c of chunks) {
    const phrase = c.slice(-3).join(' ');
    const last = c[c.length - 1] ?? '';
    if (phrase.length < 4 || PEOPLE.test(last) || MODIFIER.test(last) || c.every((w) => audienceWords.has(w))) continue;
    if (!out.includes(phrase)) out.push(phrase);
  }
  return out.slice(0, 4);
}

// ---------------------------------------------------------------------------
// Lenses. Each returns every candidate it can make for these slots; the
// caller shuffles by seed and drops near-duplicates.

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

const TOUCHPOINTS = [
  'the first conversation',
  'the sign-up step',
  'the welcome message',
  'the follow-up after a meeting',
  'the pricing page',
  'the product demo',
  'the onboarding checklist',
  'the monthly update',
  'the support reply',
  'the proposal document',
];

function scamper(s: Slots): string[] {
  const a = s.audience;
  const out: string[] = [];
  const moves: ((t: string, t2: string, f: string) => string)[] = [
    (t, _, f) => `Substitute: replace ${t} with a self-serve version ${a} can use on their own time, built around ${f}`,
    (t, t2) => `Combine: merge ${t} and ${t2} into one moment for ${a}, so they get both in half the time`,
    (t, _, f) => `Adapt: copy what already works with our happiest ${s.people} and turn it into ${t} for everyone, leading with ${f}`,
    (t) => `Magnify: make ${t} ten times more personal for ${a}, naming each person and their situation`,
    (t) => `Minify: cut ${t} down to one page ${a} can read in two minutes`,
    (t, _, f) => `Put to another use: turn ${t} into something ${a} forward to a colleague as proof of ${f}`,
    (t) => `Eliminate: drop ${t} for a month and ask ${a} whether they missed it`,
    (t) => `Reverse: let ${a} run ${t} and we simply follow their lead`,
    (t) => `Substitute: swap the people behind ${t} — have one of the ${s.people} deliver it to their peers instead of us`,
    (t, _, f) => `Combine: pair ${t} with a short story from one of the ${s.people} about why ${f} mattered to them`,
    (t) => `Adapt: make ${t} work on a phone in a spare five minutes, the way ${a} actually read`,
    (t) => `Modify the timing: move ${t} to the moment ${a} are most likely to need it, not when it suits us`,
    (t, _, f) => `Put to another use: publish ${t} as an open resource about ${f} that ${a} can reuse`,
    (t) => `Eliminate the wait: make ${t} instant for ${a}, with no approval step on our side`,
    (t) => `Reverse the order: ask ${a} for feedback before ${t}, not after`,
  ];
  moves.forEach((move, m) => {
    TOUCHPOINTS.forEach((t, i) => {
      out.push(move(t, at(TOUCHPOINTS, i + m + 1), at(s.focus, i + m)));
    });
  });
  for (const init of s.initiatives) {
    out.push(`Combine: fold "${init}" into one package ${a} can say yes to in a single step`);
    out.push(`Eliminate: strip "${init}" to its single most useful part for ${a} and ship only that`);
  }
  if (s.riff) {
    const r = s.riff;
    out.push(`Combine "${r}" with ${at(TOUCHPOINTS, r.length)} so ${a} meet it without looking for it`);
    out.push(`Minify "${r}": a version ${a} could try in ten minutes`);
    out.push(`Reverse "${r}": have ${a} do it for us and learn from how they do it`);
    out.push(`Substitute the hardest part of "${r}" with something ${a} already use every day`);
    out.push(`Put "${r}" to another use: make it the reason ${a} come back, to ${s.objective}`);
  }
  return out;
}

const JOBS = [
  'compare their options quickly',
  'justify the choice to their boss',
  'get started without asking for help',
  'know exactly what happens next',
  'avoid a costly mistake',
  'show progress to their own team',
  'learn from peers who have done it',
  'fit this into an already full week',
  'get a trusted second opinion',
  'undo a decision safely',
  'explain it to a sceptical colleague',
  'find the answer at 11pm without waiting',
];
const HELPERS = [
  'a one-page checklist',
  'a ready-made template',
  'a ten-minute call with an expert',
  'a side-by-side comparison',
  'a two-minute video walkthrough',
  'a worked example from a peer',
  'a simple calculator',
  'a reminder at the right moment',
  'a short guided tour',
  'a plain-language FAQ',
];

function jobs(s: Slots): string[] {
  const out: string[] = [];
  JOBS.forEach((job, j) => {
    for (let k = 0; k < 2; k++) {
      const helper = at(HELPERS, j * 3 + k * 5);
      const f = at(s.focus, j + k);
      out.push(
        k === 0
          ? `When ${s.audience} need to ${job}, give them ${helper} about ${f}`
          : `Job to be done — ${s.audience} want to ${job}: offer ${helper} that helps us ${shortPhrase(s.objective, 8)}`,
      );
    }
  });
  if (s.riff) {
    out.push(`Rework "${s.riff}" around the moment ${s.audience} need to ${at(JOBS, s.riff.length)}`);
    out.push(`Ask five ${s.people} which job "${s.riff}" would do for them, and build only that`);
  }
  return out;
}

function constraintFlip(s: Slots): string[] {
  const a = s.audience;
  const out: string[] = [];
  const flips: ((c: string, i: number) => string)[] = [
    (c) => `Flip "${c}": make it the selling point — an offer for ${a} that only works because of it`,
    (c) => `Flip "${c}": imagine it twice as strict and design the version for ${a} that still works`,
    (c) => `Flip "${c}": say it out loud to ${a} and explain why, so the limit becomes a reason to trust us`,
    (c) => `Flip "${c}": invite a few ${s.people} to co-design the answer inside the limit with us`,
    (c, i) => `Flip "${c}": find the part of ${at(s.focus, i)} that this limit makes easier, and lead with it`,
    (c) => `Flip "${c}": assume it vanished for a month — pick the first thing we would do for ${a} and ship a small slice of it now`,
    (c) => `Flip "${c}": let ${a} choose where the limit bites, with two clear options`,
    (c) => `Flip "${c}": find a partner ${a} already trust who does not share this limit`,
    (c, i) => `Flip "${c}": turn it into a public challenge — what is the best we can do for ${at(s.focus, i)} within it?`,
    (c) => `Flip "${c}": remove one of our own habits instead, so the limit stops hurting ${a}`,
  ];
  s.constraints.forEach((c, i) => {
    flips.forEach((flip) => {
      out.push(flip(c, i));
    });
  });
  s.initiatives.forEach((init, i) => {
    out.push(`Flip "${at(s.constraints, i)}" inside "${init}": the smallest version ${a} would still notice`);
  });
  if (s.riff) out.push(`Flip "${at(s.constraints, 0)}" for "${s.riff}": do it in a way only we could, for ${a}`);
  return out;
}

/** "How would we make this worse?" paired with its opposite. */
const INVERSIONS: [string, string][] = [
  ['make them fill in a long form before they see anything', 'show something useful before asking for a single detail'],
  ['talk only about ourselves', 'open every conversation with a problem they told us about'],
  ['hide the price until the third call', 'publish a clear price range they can find in one click'],
  ['use our internal jargon everywhere', 'rewrite the main message in the exact words they use'],
  ['make them wait a week for a reply', 'promise a reply from a named person within one working day'],
  ['treat every one of them the same', 'offer three clear paths depending on their situation'],
  ['forget them the moment they say yes', 'plan their first 30 days as carefully as the pitch'],
  ['ask for a big commitment up front', 'offer a small, reversible first step'],
  ['never show proof', 'show a real before-and-after from someone just like them'],
  ['make leaving impossible', 'make leaving easy and ask what would have kept them'],
  ['change things without telling them', 'send a short monthly note on what changed and why'],
  ['make feedback hard to give', 'add a one-click way to tell us what is missing'],
  ['bury the one thing they came for', 'put the one thing they came for on the first screen'],
  ['send everything at once', 'send one useful thing per week, in the order they need it'],
  ['make every decision wait for a meeting', 'give them a self-serve answer the same day'],
  ['hide who else uses it', 'show which peers already rely on it and let them talk to one'],
  ['measure only what we care about', 'report back the one number they care about'],
  ['make the first week confusing', 'send a short first-week plan with one clear task a day'],
  ['treat their objections as a nuisance', 'publish the top objections with honest answers'],
  ['make it look risky to say yes', 'offer a written guarantee on the thing they fear most'],
];

function inversion(s: Slots): string[] {
  const a = s.audience;
  const out: string[] = [];
  INVERSIONS.forEach(([worse, better], i) => {
    out.push(
      i % 2 === 0
        ? `Inversion: the surest way to fail ${a} would be to ${worse}. So do the opposite: ${better}`
        : `To make ${at(s.focus, i)} worse we would ${worse}; instead, for ${a}, ${better}`,
    );
  });
  if (s.riff) {
    out.push(`Inversion on "${s.riff}": list how it could annoy ${a}, then fix the top two before launch`);
    out.push(`What would make "${s.riff}" useless to ${a}? Design against exactly that`);
  }
  return out;
}

/** Another industry and the move worth borrowing from it; `%a` is the audience. */
const ANALOGIES: [string, string][] = [
  ['hotels', "a named concierge for %a who remembers each person's context"],
  ['airlines', 'a status tier for %a who come back often, with a visible perk at each level'],
  ['video games', 'a guided first level where %a win something small within five minutes'],
  ['restaurants', 'a tasting menu: a small fixed sampler %a can try before committing'],
  ['Formula 1 pit crews', 'rehearse the first hour with %a until it takes minutes, not days'],
  ['public libraries', 'a free, time-limited loan for %a, returned with their feedback'],
  ['gyms', 'a 30-day challenge with a weekly check-in that keeps %a coming back'],
  ['hospital triage', 'sort every request from %a by urgency within the first minute'],
  ['open-source projects', 'publish the playbook openly and invite %a to improve it'],
  ['parcel delivery', 'live tracking that shows %a exactly where their request is'],
  ['theatre previews', 'a cheap preview night where %a see an unfinished version and shape the final one'],
  ['retail banking', 'a 14-day cooling-off period so %a can change their mind at no cost'],
  ['subscription boxes', 'one small, surprising thing each month that shows %a what we can do'],
  ['car sharing', 'pay-per-use pricing so %a only pay for what they actually use'],
  ['museums', 'a guided tour of how we work, told from the point of view of %a'],
  ['farmers markets', 'let %a meet the people who make it, face to face, once a month'],
  ['cookery shows', 'a live, unedited session where %a watch us solve a real problem step by step'],
  ['ride hailing', 'show %a an honest estimate of time and cost before they commit'],
  ['hardware stores', 'lend %a the tool for the weekend instead of selling the whole kit'],
  ['sports clubs', 'a members-only league where %a compare progress with peers'],
  ['wine tasting', 'side-by-side flights so %a compare three options in one sitting'],
  ['emergency services', 'a single, memorable number %a can call when something goes wrong'],
];

function analogy(s: Slots): string[] {
  const out: string[] = [];
  ANALOGIES.forEach(([industry, move], i) => {
    const m = move.replaceAll('%a', s.audience);
    out.push(i % 2 === 0 ? `Borrow from ${industry}: ${m}` : `Borrow from ${industry}: ${m}, to help us ${shortPhrase(s.objective, 8)}`);
  });
  if (s.riff) {
    const [industry, move] = at(ANALOGIES, s.riff.length);
    out.push(`Run "${s.riff}" the way ${industry} would: ${move.replaceAll('%a', s.audience)}`);
  }
  return out;
}

const WEEK_ACTIONS = [
  'interview five %p about %f and write down their exact words',
  'put up a one-page landing page about %f and count how many %p sign up',
  'sketch three versions of the offer on paper and show them to %a',
  'call three %p who said no and ask what tipped the decision',
  'shadow one of the %p for half a day and list every workaround they use',
  'collect the ten questions %a ask most about %f and answer them on one page',
  'send %a a two-question survey about %f and read every answer',
  'run a 30-minute call with four %p to rank what matters about %f',
  'rewrite our headline around %f and test it with %a against the current one',
  'set up a pilot with one of the %p and agree what success looks like',
  'map the steps %a go through today and circle the slowest one',
  'find two competitors %a also consider and note what they promise about %f',
  'write a one-page FAQ about %f from the questions %a asked last month',
  'record a two-minute screen video on %f and send it to five %p',
  'ask our sales or support team for the three complaints %a raise most',
  'draft the email we would send %a if we had already solved %f, and show it to two of them',
  'hold a 45-minute "ask us anything" about %f open to any of the %p',
  'pick one metric that shows %a care about %f and start counting it today',
];

function firstStep(s: Slots): string[] {
  const out: string[] = [];
  WEEK_ACTIONS.forEach((action, i) => {
    const text = action.replaceAll('%a', s.audience).replaceAll('%p', s.people).replaceAll('%f', at(s.focus, i));
    out.push(i % 3 === 0 ? `This week: ${text}` : i % 3 === 1 ? `By Friday, ${text}` : `A first step within a week: ${text}`);
  });
  s.initiatives.forEach((init) => {
    out.push(`This week for "${init}": ask three ${s.people} what would make them use it, then cut the plan to fit`);
  });
  if (s.riff) {
    out.push(`By Friday, mock up "${s.riff}" roughly and put it in front of three ${s.people}`);
    out.push(`This week: write the one-line pitch for "${s.riff}" and test it on ${s.audience}`);
  }
  return out;
}

const LENS_CANDIDATES: Record<LensId, (s: Slots) => string[]> = {
  scamper,
  jobs,
  'constraint-flip': constraintFlip,
  inversion,
  analogy,
  'first-step': firstStep,
};

// ---------------------------------------------------------------------------

/** A tiny, well-mixed 32-bit PRNG: reproducible across platforms, unlike Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}
