/**
 * What a brief's constraint rules out, read with a small lexicon of the
 * constraint families facilitators write most: channels, budget, headcount,
 * timing and platform. The offline generator uses it to never propose what
 * the frame forbids; the lexicon is deliberately small and tested, so a miss
 * means adding a word here, not guessing.
 */
export type ConstraintFamily = 'channel' | 'budget' | 'headcount' | 'timing' | 'platform' | 'pricing' | 'data' | 'other';

/** `forbid`: "no paid media"; `limit`: "within one quarter", "2 engineers"; `require`: "must stay open source". */
export type ConstraintPolarity = 'forbid' | 'limit' | 'require';

export interface ConstraintSense {
  text: string;
  family: ConstraintFamily;
  polarity: ConstraintPolarity;
  /** The concepts this constraint rules out (keys of the lexicon), e.g. `paid-ads`, `hiring`. */
  rules: string[];
  /** A short mid-sentence form for writing inside the limit: "no paid media", "within one quarter". */
  short: string;
}

interface Concept {
  family: ConstraintFamily;
  /** How a constraint names this concept. */
  named: RegExp;
  /** How an idea would use it: an idea matching this breaks a constraint that rules the concept out. */
  used: RegExp;
}

/**
 * The lexicon. `named` is matched against constraints, `used` against ideas.
 * A limit on a resource (a budget cap, a small team) rules out the concepts
 * in `LIMIT_RULES` for its family; a "no X" rules out X itself.
 */
export const CONSTRAINT_CONCEPTS: Record<string, Concept> = {
  'paid-ads': {
    family: 'channel',
    named:
      /\bpaid (?:media|ads?|advertising|search|social(?: media)?|channels?|acquisition|campaigns?)\b|\badvertis\w*|\bads\b|\bppc\b|\bsponsor\w*/i,
    used: /\bpaid (?:media|ads?|advertising|search|social|campaigns?|placements?|posts?)\b|\badvert\w*|\bads?\b|\bad (?:campaign|spend|budget)s?\b|\bppc\b|\bsponsor\w*|\bboosted posts?\b|\bretarget\w*|\bbillboards?\b/i,
  },
  'tv-radio': {
    family: 'channel',
    named: /\b(?:tv|television|radio)\b/i,
    used: /\b(?:tv|television|radio)\b/i,
  },
  influencers: {
    family: 'channel',
    named: /\binfluencers?\b/i,
    used: /\binfluencers?\b|\bpaid creators?\b/i,
  },
  events: {
    family: 'channel',
    named: /\b(?:in-person|in person|face-to-face)\b|\bevents?\b|\bconferences? (?:booths?|stands?)\b|\btrade ?shows?\b|\bmeetups?\b/i,
    used: /\bin[- ]person\b|\bface[- ]to[- ]face\b|\bevents?\b|\bmeetups?\b|\broadshows?\b|\btrade ?shows?\b|\bbooths?\b|\bopen (?:day|evening|house)s?\b/i,
  },
  'social-media': {
    family: 'channel',
    named: /\bsocial media\b|\bsocial\b/i,
    used: /\bsocial media\b|\blinkedin\b|\binstagram\b|\btiktok\b|\bfacebook\b|\btwitter\b|\bx\.com\b/i,
  },
  email: {
    family: 'channel',
    named: /\b(?:cold )?e-?mails?\b|\bnewsletters?\b/i,
    used: /\be-?mails?\b|\bnewsletters?\b|\bmailings?\b/i,
  },
  discounts: {
    family: 'pricing',
    named: /\bdiscount\w*|\bcoupons?\b|\bvouchers?\b|\bpromo(?:tion)?s?\b/i,
    used: /\bdiscount\w*|\bcoupons?\b|\bvouchers?\b|\bpromo codes?\b|\b\d+ ?% off\b|\bhalf[- ]price\b|\bfree months?\b/i,
  },
  'price-changes': {
    family: 'pricing',
    named: /\bprice (?:changes?|rises?|increases?)\b|\bpricing changes?\b|\bchange (?:the )?prices?\b/i,
    used: /\bprice (?:changes?|rises?|increases?|cuts?)\b|\braise (?:the |our )?prices?\b|\bnew (?:pricing|price plans?|tiers?)\b|\bdiscount\w*/i,
  },
  charging: {
    family: 'pricing',
    named: /\b(?:free|entry|admission)\b.*\b(?:stay|remain)s? free\b|\bmust stay free\b/i,
    used: /\bcharge (?:for|a fee)\b|\bpaid (?:entry|tickets?|tier)\b|\bticket prices?\b|\bentry fees?\b|\bpremium (?:tier|membership)\b/i,
  },
  hiring: {
    family: 'headcount',
    named: /\bheadcount\b|\bhir(?:e|es|ing)\b|\brecruit\w*|\bnew (?:staff|roles?|people)\b/i,
    used: /\bhir(?:e|es|ing)\b|\brecruit\w*|\bnew (?:staff|roles?|team|squad|headcount)\b|\bdedicated (?:team|squad|manager|person|hire)\b|\badd (?:a|an|two|three) (?:people|person|engineers?|staff)\b/i,
  },
  outsourcing: {
    family: 'headcount',
    named: /\bagenc(?:y|ies)\b|\bcontractors?\b|\bfreelancers?\b|\boutsourc\w*/i,
    used: /\bagenc(?:y|ies)\b|\bcontractors?\b|\bfreelancers?\b|\boutsourc\w*|\bconsultants?\b/i,
  },
  overtime: {
    family: 'headcount',
    named: /\bovertime\b|\bout of hours\b|\bafter hours\b/i,
    used: /\bovertime\b|\b(?:evening|weekend|after-hours) (?:training|sessions?|shifts?)\b/i,
  },
  'software-spend': {
    family: 'budget',
    named: /\b(?:software|tool|saas) (?:licen[cs]es?|spend|subscriptions?)\b|\bnew software\b|\blicen[cs]es?\b/i,
    used: /\b(?:buy|license|licence|subscribe to|procure|pay for) (?:[\w-]+ ){0,3}?(?:tools?|software|platforms?|licen[cs]es?|systems?|subscriptions?)\b|\bnew software\b|\bsoftware licen[cs]es?\b|\bthird-party (?:tool|platform|app)s?\b/i,
  },
  'big-spend': {
    family: 'budget',
    named: /\bbudget\b|\bspend\b|\bcost\b/i,
    used: /\bbillboards?\b|\b(?:tv|radio) (?:spots?|ads?|campaigns?)\b|\bagenc(?:y|ies)\b|\bpaid (?:media|campaigns?)\b|\bgift cards?\b|\bprize draws?\b|\bcash (?:rewards?|incentives?)\b|\bbounty\b/i,
  },
  'mobile-app': {
    family: 'platform',
    named: /\b(?:native |mobile )(?:app|work|development)\b|\bmobile app\b|\bios\b|\bapp stores?\b|\bweb(?: app)? only\b/i,
    used: /\b(?:native|mobile|ios|android|iphone) apps?\b|\bapp stores?\b|\bplay store\b|\bdownload (?:the|our) app\b|\bpush notifications?\b/i,
  },
  android: {
    family: 'platform',
    named: /\bandroid\b/i,
    used: /\bandroid\b|\bplay store\b/i,
  },
  'new-devices': {
    family: 'platform',
    named: /\bexisting (?:android |ios )?devices\b|\bonly the existing\b.*\bdevices?\b/i,
    used: /\b(?:new|buy|give (?:them|each) an?) (?:tablets?|ipads?|phones?|devices?|laptops?)\b|\bipads?\b|\btablets?\b/i,
  },
  'closed-source': {
    family: 'platform',
    named: /\bopen[- ]source\b/i,
    used: /\bpaywall\w*|\bclosed[- ]source\b|\bproprietary\b|\bpremium (?:docs|sdks?|content)\b|\bgated\b/i,
  },
  'data-sharing': {
    family: 'data',
    named: /\bdata (?:stays?|must stay|remains?|never leaves?)\b|\b(?:gdpr|hipaa)\b|\bpatient data\b|\bpersonal data\b/i,
    used: /\b(?:share|export|upload|send) (?:their |patient |personal |customer )?(?:data|records)\b|\bwhatsapp\b|\bthird-party (?:tool|platform|app|tracking)s?\b|\bgoogle forms?\b/i,
  },
  'long-horizon': {
    family: 'timing',
    named:
      /\bwithin (?:one|two|three|\d+|a|the) (?:weeks?|months?|quarters?|sprints?)\b|\b(?:before|by) (?:the )?(?:end of )?(?:q[1-4]|h[12]|january|february|march|april|may|june|july|august|september|october|november|december|summer|autumn|winter|spring)\b|\bship within\b|\bmust finish\b|\blaunch before\b|\bdeadline\b/i,
    used: /\bmulti-year\b|\bnext year\b|\blong[- ]term programme\b|\b(?:12|18|24)-month\b|\byear-long\b|\brebuild (?:the|our) (?:platform|product|stack)\b|\bfrom scratch\b/i,
  },
};

/** The channels, when a constraint allows only some of them ("email only", "no other channels"). */
const CHANNELS = Object.keys(CONSTRAINT_CONCEPTS).filter((k) => CONSTRAINT_CONCEPTS[k]?.family === 'channel');
/**
 * A rule with no lexicon entry: "only these channels". It matches no idea by
 * itself (the other channels are ruled out one by one) but tells the
 * generator to write ideas that use the allowed ones.
 */
export const ONLY_CHANNELS = 'only-channels';
const EXCLUSIVE = /\bonly\b|\bno other (?:channels?|media|marketing)\b|\bexclusively\b/i;
/** "iOS only", "mobile-first, app only": the app is the platform, so it is not ruled out. */
const MOBILE_ONLY = /\b(?:ios|iphone|android|mobile|app)\b[^,;]*\bonly\b|\bonly (?:on |the )?(?:ios|iphone|android|mobile)\b/i;

/** What a limit (rather than a "no") on a family rules out. */
const LIMIT_RULES: Partial<Record<ConstraintFamily, string[]>> = {
  budget: ['big-spend'],
  headcount: ['hiring', 'outsourcing'],
  timing: ['long-horizon'],
};

const NEGATION = /\b(?:no|not|never|without|zero|avoid|don't|do not|cannot|can't|none|nothing|ban(?:ned)?)\b/i;
const LIMIT =
  /\b(?:only|under|below|within|at most|max(?:imum)?|up to|before|by|less than|no more than|minimal|small|of (?:one|two|three|four|five|\d+)|\d+ (?:people|engineers|staff|person))\b|\bstays? at\b/i;
const TEAM_SIZE =
  /\b(?:one|two|three|four|five|six|\d+)\s+(?:engineers?|people|staff|developers?|designers?|marketers?|owners?|person)\b|\bteam of\b|\bthemselves\b|\bexisting (?:team|staff)\b|\bvolunteers\b/i;

/** Reads one constraint: its family, polarity, the concepts it rules out, and a short form. */
export function senseConstraint(text: string): ConstraintSense {
  const t = text.replace(/\s+/g, ' ').trim();
  const named = Object.entries(CONSTRAINT_CONCEPTS).filter(([key, c]) => {
    if (!c.named.test(t)) return false;
    // "No paid social" leaves organic social open; "no TV or radio advertising" leaves online ads open.
    if (key === 'social-media')
      return !/\bpaid social\b/i.test(t) || /\bsocial media\b(?!.*\bpaid\b)/i.test(t.replace(/paid social media/i, ''));
    if (key === 'paid-ads') return !CONSTRAINT_CONCEPTS['tv-radio']?.named.test(t);
    return true;
  });
  const negated = NEGATION.test(t);
  const polarity: ConstraintPolarity = negated ? 'forbid' : LIMIT.test(t) || TEAM_SIZE.test(t) ? 'limit' : 'require';

  const rules = new Set<string>();
  // "Only email and in-app messages, no other channels": the named channels are the allowed ones, every other is out.
  const channelsNamed = named.filter(([, c]) => c.family === 'channel').map(([k]) => k);
  const onlyChannels = channelsNamed.length > 0 && EXCLUSIVE.test(t) && !/\bno (?!other\b)\w/i.test(t.replace(/\bno other\b/gi, ''));
  if (onlyChannels) {
    rules.add(ONLY_CHANNELS);
    for (const k of CHANNELS) if (!channelsNamed.includes(k)) rules.add(k);
  }
  const mobileOnly = MOBILE_ONLY.test(t) && !/\bweb(?: app)? only\b/i.test(t);
  if (mobileOnly && /\b(?:ios|iphone)\b/i.test(t)) rules.add('android');
  // Concepts named in a "no …" part, or kept as they are by a requirement ("must stay open source"), are ruled out outright.
  for (const [key, c] of named) {
    if (onlyChannels && c.family === 'channel') continue;
    if (mobileOnly && (key === 'mobile-app' || key === 'android')) continue;
    if (c.family === 'timing' || c.family === 'budget' || key === 'overtime') {
      if (negated && key !== 'long-horizon' && key !== 'big-spend') rules.add(key);
    } else if (
      negated ||
      key === 'charging' ||
      key === 'closed-source' ||
      key === 'data-sharing' ||
      key === 'new-devices' ||
      key === 'mobile-app'
    ) {
      rules.add(key);
    }
  }
  if (/\bovertime\b/i.test(t)) rules.add('overtime');
  // In "No paid media before Q3" the date qualifies the "no"; it does not set a deadline for the work.
  const families = new Set(named.map(([, c]) => c.family).filter((f) => !(negated && f === 'timing')));
  if (TEAM_SIZE.test(t) || /\bheadcount\b|\bno new hires?\b/i.test(t)) families.add('headcount');
  if (/\bbudget\b|[$€£¥]\s?\d|\d\s?(?:k|eur|usd|gbp)\b/i.test(t)) families.add('budget');
  // A cap on a resource rules out what would break the cap even when nothing is named.
  for (const f of families) for (const key of LIMIT_RULES[f] ?? []) rules.add(key);
  // "Minimal budget: volunteers and existing staff only" rules out buying attention too.
  if (families.has('budget') && /\b(?:minimal|no|zero|tiny|small)\b/i.test(t)) rules.add('paid-ads');
  // "Zero budget" / "no budget": nothing can be bought, software included.
  if (families.has('budget') && /\b(?:no|zero|nil)\b/i.test(t)) rules.add('software-spend');

  const family = pickFamily(families);
  return { text: t, family, polarity, rules: [...rules], short: shortConstraint(t) };
}

const FAMILY_ORDER: ConstraintFamily[] = ['channel', 'pricing', 'headcount', 'budget', 'platform', 'data', 'timing'];
const pickFamily = (fs: Set<ConstraintFamily>): ConstraintFamily => FAMILY_ORDER.find((f) => fs.has(f)) ?? 'other';

/** The first clause, lower-cased to read mid-sentence: "No paid media before Q3" → "no paid media before Q3". */
function shortConstraint(t: string): string {
  const first = t.split(/,(?!\d)|[;:(]|\s[—–-]\s/u)[0]?.trim() ?? t;
  const words = first.split(' ').slice(0, 8).join(' ');
  return /^\p{Lu}\p{Ll}/u.test(words) ? words.charAt(0).toLowerCase() + words.slice(1) : words;
}

/** The first constraint `idea` would break, or null when it respects them all. */
export function brokenConstraint(idea: string, constraints: readonly ConstraintSense[]): ConstraintSense | null {
  for (const c of constraints) {
    for (const key of c.rules) if (CONSTRAINT_CONCEPTS[key]?.used.test(idea)) return c;
  }
  return null;
}
