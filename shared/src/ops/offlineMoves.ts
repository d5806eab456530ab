import type { LensId } from './aiIdea.ts';
import type { BriefSense } from './briefSense.ts';
import { type ConstraintSense, ONLY_CHANNELS } from './constraintSense.ts';

/**
 * The offline generator's writing: for each lens, hand-written moves that
 * say who does what for whom, filled with what `understandBrief` read off the
 * brief. Moves are whole sentences with varied openings; they name the
 * audience by its short form and the objective by its metric, never by
 * pasting a field. Whatever a constraint rules out is filtered afterwards
 * (`brokenConstraint`), so a move may mention a channel freely.
 */
export interface Words {
  /** "small-business owners" */
  aud: string;
  /** "90-day retention" */
  metric: string;
  /** "to lift 90-day retention" */
  outcome: string;
  initiatives: { id: string; title: string }[];
  constraints: ConstraintSense[];
  /** The riffed-on idea or cluster, shortened at a phrase boundary, or null. */
  riff: string | null;
  /** Whether the audience meet us at work, and whether the product is software: some moves only fit then. */
  atWork: boolean;
  digital: boolean;
  /** What the brief is about (content words), so an analogy is never borrowed from the brief's own field. */
  topics: ReadonlySet<string>;
}

/** A candidate idea; `initiativeId` is set when the move was written for one initiative. */
export interface Move {
  text: string;
  initiativeId?: string;
  /** Written around the riff: such moves go first when riffing. */
  riff?: boolean;
}

export const wordsFrom = (sense: BriefSense, riff: string | null): Words => ({
  aud: sense.audience.short,
  metric: sense.objective.metric,
  outcome: sense.objective.outcome,
  initiatives: sense.initiatives.map((i) => ({ id: i.id, title: i.theme })),
  constraints: sense.constraints,
  riff,
  atWork: sense.audience.atWork,
  digital: sense.digital,
  topics: sense.topics,
});

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A move that assumes the audience meet us at work (managers, colleagues, teams). */
const atWork = (text: string): Draft => ({ text, needs: 'work' });
/** A move that assumes a digital product (screens, clicks, help pages). */
const onScreen = (text: string): Draft => ({ text, needs: 'digital' });
/** An analogy borrowed from `source`: pointless when the brief is about that very field (museum tours for a museum). */
const from = (source: string, text: string): Draft => ({ text, source });
type Draft = string | { text: string; needs?: 'work' | 'digital'; source?: string };

function scamper({ aud, metric, outcome }: Words): Draft[] {
  return [
    `Swap our generic welcome message for a short personal note from a named teammate, sent to ${aud} right after they first come to us.`,
    onScreen(`Replace the longest step ${aud} face today with a ready-made default they can accept in one click, ${outcome}.`),
    onScreen(`Combine the first check-in and the help pages into one guided session where ${aud} finish a real task with us.`),
    `Pair ${aud} who have just started with ones who already succeed, and give each pair fifteen minutes to compare notes.`,
    `Adapt the routine our most successful ${aud} follow into a starter plan that everyone gets, ${outcome}.`,
    onScreen(`Make a moment of the first result ${aud} see: celebrate it on screen and suggest the next thing worth trying.`),
    `Shrink the first task for ${aud} to something they can finish in under five minutes, then show them the payoff.`,
    atWork(`Turn the questions ${aud} ask our team most often into a one-page guide they can forward to colleagues.`),
    `Remove one step that ${aud} skip anyway, and watch what happens to ${metric} within a month.`,
    `Reverse the usual order: ask ${aud} what they want to achieve before showing them anything, then tailor what comes first.`,
    atWork(`Let two experienced ${aud} host next month's check-in for their peers while our team listens and takes notes.`),
    `Reuse the progress report we already write for ourselves as a plain monthly summary of what ${aud} gained from us.`,
    onScreen(`Hide the options ${aud} never use for a month and keep only the three they rely on, ${outcome}.`),
  ];
}

function jobs({ aud, outcome }: Words): Draft[] {
  return [
    atWork(`When ${aud} need to justify a choice to their manager, send them a one-page summary they can forward unchanged.`),
    `Give ${aud} a side-by-side comparison that lets them weigh their options in five minutes, ${outcome}.`,
    `${cap(aud)} want to start without asking for help, so record three short videos covering the first three tasks.`,
    `Show ${aud} a simple timeline after every step they finish, so they always know exactly what happens next.`,
    onScreen(`For ${aud} who fear a costly mistake, add an undo and a plain note that nothing is final until they confirm.`),
    atWork(`Show ${aud} their own progress each week as one number they can share with their team, ${outcome}.`),
    `Collect short stories from ${aud} who nearly gave up and then succeeded, and show the closest one at the moment of doubt.`,
    atWork(`Offer ${aud} a ten-minute version of every routine task, clearly marked, for the weeks when they have no time.`),
    `Give ${aud} a fifteen-minute second opinion from someone on our team before any decision that is hard to undo.`,
    onScreen(`Answer the questions ${aud} ask late at night with plain-language help pages written from real support conversations.`),
    atWork(`Hand ${aud} a short script for explaining why they chose us to a sceptical colleague, ${outcome}.`),
    onScreen(`Ask five ${aud} which job they really need us for, and rebuild the first screen around the most common answer.`),
  ];
}

function inversion({ aud, metric, outcome }: Words): Draft[] {
  return [
    `The surest way to lose ${aud} is a long form before anything useful, so show them a useful result first.`,
    onScreen(`To fail ${aud} we would bury the one thing they came for; instead, put it on the very first screen.`),
    `Making ${aud} wait a week for an answer would hurt most, so promise a reply from a named person within a day.`,
    `What would make ${metric} worse? Silent changes. So tell ${aud} in one short note what changed and why.`,
    `What pushes ${aud} away fastest is our jargon: rewrite the main message in the exact words they use with us.`,
    `Treating all ${aud} the same would miss most of them, so offer three clear paths depending on their situation.`,
    `Forgetting ${aud} once they say yes is a sure way to lose them; plan their first month as carefully as the pitch.`,
    `Asking ${aud} for a big commitment up front would stall everything; offer a small, reversible first step, ${outcome}.`,
    `Hiding proof makes ${aud} hesitate, so show a real before-and-after from someone in their exact situation.`,
    onScreen(`Making it hard to leave breeds resentment: let ${aud} leave in two clicks and ask what would have kept them.`),
    `Sending everything at once would swamp ${aud}, so send one useful thing a week, in the order they need it.`,
    `If we wanted ${aud} to give up, we would leave every next step unclear; end each contact with one clear next step.`,
    `Ignoring objections costs us ${aud} quietly, so publish their five most common objections with honest answers.`,
  ];
}

function analogy({ aud, outcome }: Words): Draft[] {
  return [
    from('hotel', `Like a good hotel concierge, give ${aud} one named contact who remembers their situation, ${outcome}.`),
    onScreen(`Borrow from video games: design a first level where ${aud} win something small within five minutes.`),
    from('restaurant', `Take a page from restaurants and offer ${aud} a tasting menu of three small ways to try us before committing.`),
    `Do what pit crews do and rehearse the first hour with ${aud} until it takes minutes, not days.`,
    from('gym', `Borrow from gyms: a thirty-day challenge with a weekly check-in that keeps ${aud} coming back, ${outcome}.`),
    from('parcel', `As parcel carriers do, show ${aud} live tracking of exactly where each of their requests stands.`),
    from('theatre', `Borrow from theatre previews: invite a few ${aud} to a rough preview and let them shape the final version.`),
    from('bank', `Like a bank's cooling-off period, give ${aud} fourteen days to change their mind with nothing lost.`),
    atWork(`Copy the sports-club ladder and let ${aud} compare their progress with peers in a friendly monthly table.`),
    `As ride-hailing services do, show ${aud} an honest estimate of the time and effort involved before they start.`,
    from('museum', `Borrow from guided museum tours: walk new ${aud} past the three things most people miss, in the order they meet them.`),
    `Like an emergency number, give ${aud} one memorable way to reach a real person when something goes wrong.`,
    from('shop', `Like a corner shop that knows its regulars, greet returning ${aud} by name and remember what they chose last time.`),
    from('wine', `Borrow from wine tastings and let ${aud} compare three options side by side in a single sitting.`),
  ];
}

function firstStep({ aud, metric, outcome }: Words): Draft[] {
  return [
    `This week, pull the numbers behind ${metric} and call the three ${aud} whose figures changed the most.`,
    `By Friday, call three ${aud} who said no and ask what tipped their decision.`,
    `Tomorrow, shadow one of the ${aud} for an hour and note every moment they hesitate or give up.`,
    `This week, sketch three versions of our main message on paper and show them to five ${aud}.`,
    `Within a week, describe the help we plan to offer on one page and count how many ${aud} ask for it.`,
    `By Friday, collect the ten questions ${aud} ask most and answer them on a single page.`,
    `This week, map the steps ${aud} go through today and circle the slowest one.`,
    `Before the next team meeting, ask our support colleagues for the three complaints ${aud} raise most.`,
    `This week, pick one number that shows progress on ${metric} and start counting it every Monday.`,
    `By Friday, draft the note we would send ${aud} once we hit our ${metric} target, and test it on two of them.`,
    `This week, hold a thirty-minute call with four ${aud} and ask them to rank what matters most.`,
    `Within a week, start a small pilot with one group of ${aud} and agree what success looks like, ${outcome}.`,
    `Tomorrow, read the last twenty support conversations with ${aud} and tag what each person was trying to do.`,
    `This week, ask five ${aud} to walk us through their last experience with us, step by step.`,
    `This week, find two alternatives ${aud} also consider and note what they promise that we do not.`,
  ];
}

/** How an idea that lives inside a constraint opens, per concept it rules out. */
const INSIDE: Record<string, (c: ConstraintSense) => string> = {
  [ONLY_CHANNELS]: (c) => `Sticking to ${c.short.replace(/^only\s+|\s+only$/gi, '')} only,`,
  'paid-ads': () => 'Without paid media,',
  'tv-radio': () => 'Without TV or radio,',
  influencers: () => 'Without paid influencers,',
  events: () => 'With no in-person events,',
  'social-media': () => 'Without social media,',
  email: () => 'Without email campaigns,',
  discounts: () => 'Instead of a discount,',
  'price-changes': () => 'Without touching prices,',
  charging: () => 'Keeping it free,',
  hiring: () => 'With the team we already have,',
  outsourcing: () => 'With the team we already have,',
  overtime: () => 'Inside normal working hours,',
  'software-spend': () => 'Without buying new software,',
  'big-spend': (c) => {
    const cap = c.text.match(/\b(?:under|below|less than|up to)\s+[$€£¥]?\s?[\d.,]+\s?k?\b/i)?.[0];
    if (cap) return `On a budget ${cap.toLowerCase()},`;
    return /\b(?:no|zero|nil)\b/i.test(c.text) ? 'With no budget at all,' : 'On a small budget,';
  },
  'mobile-app': () => 'Without a mobile app,',
  'new-devices': () => 'On the devices people already have,',
  'closed-source': () => 'Keeping everything open,',
  'data-sharing': () => 'Keeping data where it already lives,',
  'long-horizon': (c) => {
    const by = c.text.match(/\b(?:within|before|by)\s+[^,;:()]+/i)?.[0];
    return by ? `${cap(by.trim())},` : 'Inside the deadline,';
  },
};

/** What to do inside a limit, by concept or else by family: each line follows an opening from `INSIDE`. */
const INSIDE_ACTIONS: Record<string, (w: Words) => string[]> = {
  [ONLY_CHANNELS]: ({ aud }) => [
    `send ${aud} one short, useful message a week, each answering a question one of them really asked us.`,
    `ask ${aud} which one thing would help them most, and tell them in the next message what we changed.`,
  ],
  channel: ({ aud }) => [
    `ask ten happy ${aud} to introduce one peer each, and thank every referrer by name.`,
    `turn our three best customer stories into pages ${aud} find when they search for the problem.`,
    `write one genuinely useful guide for ${aud} and ask two partners to share it with their own audiences.`,
  ],
  pricing: ({ aud }) => [
    `give ${aud} something they value more than a lower price: a faster answer or a personal touch.`,
    `make the value ${aud} already get visible with a short monthly note of what we did for them.`,
  ],
  headcount: ({ aud, metric }) => [
    `automate the reply our team sends ${aud} most often and spend the saved hours on the hardest cases.`,
    `let experienced ${aud} answer each other's questions in a moderated space our team checks once a day.`,
    `pick the one thing we do for ${aud} that matters most to ${metric} and pause two lower-value ones.`,
  ],
  budget: ({ aud }) => [
    `try the service by hand with ten ${aud} before building or buying anything.`,
    `reuse what we already have: our help pages, our team's time and the ${aud} who already like us.`,
  ],
  'mobile-app': ({ aud }) => [`make the key task work well in a phone browser, since that is where many ${aud} will meet us first.`],
  'new-devices': ({ aud }) => [`make the three screens ${aud} use most quick to use with one thumb, large buttons and no typing.`],
  'closed-source': ({ aud }) => [
    `publish worked examples in the open and invite ${aud} to contribute fixes, with credit in every release note.`,
  ],
  charging: ({ aud }) => [`ask ${aud} to give their time instead: a short review or a friend brought along on their next visit.`],
  data: ({ aud }) => [`keep every reminder and record inside the systems we already use, and tell ${aud} plainly where their data lives.`],
  timing: ({ aud }) => [
    `ship the smallest version ${aud} would notice, and decide on the rest once the numbers are in.`,
    `run a two-week pilot with ten ${aud} and agree up front what result would make us continue.`,
  ],
};

function constraintFlip(w: Words): Draft[] {
  const out: string[] = [];
  for (const c of w.constraints) {
    const rule = c.rules.find((r) => INSIDE[r]);
    const actions = (rule && INSIDE_ACTIONS[rule]) || INSIDE_ACTIONS[c.family];
    if (!rule || !actions) continue;
    const opening = (INSIDE[rule] as (c: ConstraintSense) => string)(c);
    for (const a of actions(w)) out.push(`${opening} ${a}`);
  }
  // A brief with no readable limits still gets ideas built around focus rather than more means.
  out.push(
    `Pick the one group of ${w.aud} we serve best and say no to everything else for a month, ${w.outcome}.`,
    `Set ourselves a limit of one afternoon a week for this, and spend it only on what ${w.aud} asked for.`,
    `Choose the single promise we can keep for ${w.aud} with what we have today, and make it the headline.`,
    `Treat our limits as the brief: design the version for ${w.aud} that works precisely because it is small.`,
    `Ask three ${w.aud} which of our limits they would never notice, and stop spending effort on those.`,
  );
  return out;
}

const LENS_MOVES: Record<LensId, (w: Words) => Draft[]> = {
  scamper,
  jobs,
  'constraint-flip': constraintFlip,
  inversion,
  analogy,
  'first-step': firstStep,
};

/**
 * Moves written for one initiative, under the lens that suits each: they
 * name it, so the initiative an idea serves reads in its text, not only in
 * its label.
 */
function initiativeMoves(lens: LensId, { aud, initiatives }: Words): Move[] {
  const out: Move[] = [];
  for (const i of initiatives) {
    const t = `"${i.title}"`;
    const by: Record<LensId, string[]> = {
      scamper: [
        `Strip ${t} to the single part ${aud} would miss most, and ship only that first.`,
        `Cut ${t} to a version we could try with ${aud} next week, and let their reactions decide the rest.`,
      ],
      'first-step': [
        `This week, show three ${aud} a rough outline of ${t} and note which part they react to first.`,
        `By Friday, sketch three versions of ${t} on paper and show them to five ${aud}.`,
        `Within a week, describe ${t} on one page, send it to twenty ${aud} and count who replies wanting more.`,
      ],
      jobs: [
        `Write down the one job ${t} does for ${aud}, and drop every piece of it that does not serve that job.`,
        `For ${t}, find the moment ${aud} feel the problem most and make our first contact land exactly then.`,
      ],
      inversion: [
        `List the ways ${t} could annoy ${aud}, then fix the top two before anyone else sees it.`,
        `Imagine ${t} has flopped with ${aud}: name the three likeliest reasons and guard against each from day one.`,
      ],
      'constraint-flip': [
        `Run ${t} for one small group of ${aud} first, with only the people and money we already have.`,
        `Give ${t} one afternoon a week for a month, and keep only the parts ${aud} noticed.`,
      ],
      analogy: [
        `Open ${t} the way restaurants do a soft launch: a few invited ${aud}, and a fix list every evening.`,
        `Give ${t} a pilot's checklist: five steps ${aud} can tick off, tried on three of them first.`,
      ],
    };
    for (const text of by[lens]) out.push({ text, initiativeId: i.id });
  }
  return out;
}

/** Moves that build on a riffed idea or cluster, by lens. */
function riffMoves(lens: LensId, { aud, metric, outcome, riff }: Words): Move[] {
  if (!riff) return [];
  const r = `"${riff}"`;
  const by: Record<LensId, string[]> = {
    scamper: [
      `Make ${r} smaller: a version ${aud} could try in ten minutes without help.`,
      `Combine ${r} with a short follow-up a week later, ${outcome}.`,
    ],
    jobs: [`Rework ${r} around the moment ${aud} most need it, not the moment it suits us.`],
    'constraint-flip': [`Do ${r} with half the effort we planned, and see which half ${aud} actually notice.`],
    inversion: [
      `What would make ${r} useless to ${aud}? List it, then design against exactly that.`,
      `Turn ${r} around: let ${aud} do it for each other while we watch and learn.`,
    ],
    analogy: [`Run ${r} the way a good hotel would, with one named person who remembers each of the ${aud}.`],
    'first-step': [
      `Build on ${r}: test a rough version with five ${aud} this week and keep what they actually use.`,
      `Give ${r} a clear measure: agree which change in ${metric} would make it worth keeping.`,
    ],
  };
  return by[lens].map((text) => ({ text, riff: true }));
}

/** Every candidate a lens can make for these words and this kind of audience and product. */
export function lensMoves(lens: LensId, w: Words): Move[] {
  const fits = (d: Draft) =>
    typeof d === 'string' ||
    ((!d.needs || (d.needs === 'work' ? w.atWork : w.digital)) &&
      !(d.source && [...w.topics].some((t) => t.startsWith(d.source as string))));
  const general = LENS_MOVES[lens](w)
    .filter(fits)
    .map((d) => ({ text: typeof d === 'string' ? d : d.text }));
  return [...riffMoves(lens, w), ...initiativeMoves(lens, w), ...general];
}
