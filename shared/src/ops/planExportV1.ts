import { z } from 'zod';
import { ORIGINS } from '../model/idea.ts';
import { OUTPUT_KINDS, REVIEW_OUTCOMES, WORK_TYPES } from '../model/nextStep.ts';
import { PHASES } from '../model/phase.ts';
import { VERDICTS } from '../model/selection.ts';

/**
 * The exported plan, version 1. Version 2 (`exportSchema.ts`) is what every
 * format is now written from; v1 is still served (`export.json?version=1`,
 * `/api/schemas/plan.v1.json`) by downgrading v2 (`toPlanExportV1`), and its
 * sub-schemas are the base v2 extends.
 *
 * Contract: v1 never changes shape. Any change — even an added field — is a
 * new version with its own schema URL; v1 keeps being served. Objects are
 * closed (`additionalProperties: false`) so integrators can validate strictly.
 * Plain strings only (no transforms), so the zod schema and the published
 * JSON Schema describe exactly the same documents.
 */
export const PLAN_EXPORT_FORMAT = 'throughline.plan';
export const PLAN_EXPORT_V1 = 1;
/** The JSON Schema `$id`: a URN, so it never depends on where a server is hosted. */
export const PLAN_V1_SCHEMA_ID = 'urn:throughline:schema:plan:v1';
/** Where a running server publishes the JSON Schema. */
export const PLAN_V1_SCHEMA_PATH = '/api/schemas/plan.v1.json';

export const exportDate = z.iso.date().describe('A calendar date, YYYY-MM-DD (no time zone: it is the same day everywhere).');
export const exportDateTime = z.iso.datetime().describe('An instant, ISO 8601 in UTC (…Z).');

export const ExportCriterionSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    weight: z.number().min(0).describe('Relative weight: only ratios between criteria matter.'),
  })
  .meta({ title: 'Criterion' });

export const ExportInitiativeRefSchema = z
  .strictObject({ id: z.string(), title: z.string(), description: z.string() })
  .meta({ title: 'InitiativeRef' });

export const ExportBriefSchema = z
  .strictObject({
    title: z.string(),
    objective: z.string().describe('The strategic objective every step traces back to.'),
    audience: z.string(),
    constraints: z.array(z.string()),
    decisionRule: z.strictObject({
      rule: z.string().describe('The one-line rule selection used.'),
      criteria: z.array(ExportCriterionSchema),
    }),
    successMetrics: z
      .array(z.strictObject({ name: z.string(), target: z.string() }))
      .describe('Strategic outcome measures, kept apart from the tactical success checks of steps.'),
    horizon: z.string().describe('The period the strategy covers, as the facilitator wrote it.'),
    initiatives: z.array(ExportInitiativeRefSchema),
  })
  .meta({ title: 'Brief' });

export const ExportDecisionSchema = z
  .strictObject({
    verdict: z.enum(VERDICTS),
    rationale: z.string().describe('Which strategic choice the idea supports (keep) or why it does not (park, drop).'),
    decidedBy: z.string().describe('Display name of the facilitator who decided.'),
    decidedAt: exportDateTime.nullable(),
  })
  .meta({ title: 'Decision' });

export const ExportProvenanceSchema = z
  .strictObject({
    generator: z.string(),
    model: z.string(),
    lens: z.string(),
    promptVersion: z.string(),
  })
  .meta({
    title: 'Provenance',
    description: 'Where an AI-suggested idea came from.',
  });

export const ExportSelectionSchema = z
  .strictObject({
    votes: z.number().int().min(0).describe('Dots the idea received (revealed totals; who voted is never exported).'),
    voters: z.number().int().min(0),
    score: z.number().nullable().describe('Weighted mean score on the 1–5 scale, or null when nobody scored.'),
    criterionScores: z.array(
      z.strictObject({
        criterionId: z.string(),
        criterion: z.string(),
        mean: z.number(),
      }),
    ),
  })
  .meta({
    title: 'Selection',
    description: 'Revealed, anonymous vote and score totals.',
  });

export const ExportReviewSchema = z
  .strictObject({
    outcome: z.enum(REVIEW_OUTCOMES),
    learned: z.string(),
    metrics: z.array(z.string()).describe("Names of the brief's success metrics this evidence touches."),
    recordedBy: z.string(),
    recordedAt: exportDateTime.nullable(),
  })
  .meta({ title: 'Review' });

/** What keeps a step an intention rather than a tactic (the same names as `StepMissing`). */
export const STEP_MISSING = ['owner', 'due', 'successCheck'] as const;

export const ExportStepSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    owner: z.string().describe('Display name of the owner; empty when nobody owns the step yet.'),
    ownerId: z.string().nullable().describe('Participant id when the owner joined the session.'),
    due: exportDate.nullable(),
    outputs: z.array(z.strictObject({ kind: z.enum(OUTPUT_KINDS), description: z.string() })),
    successCheck: z.strictObject({
      measure: z.string(),
      target: z.string(),
      reviewDate: exportDate.nullable(),
    }),
    workType: z.enum(WORK_TYPES),
    status: z
      .enum(['tactic', 'intention'])
      .describe('A tactic has an owner, a due date and a success check; anything less is an intention.'),
    missing: z.array(z.enum(STEP_MISSING)).describe('What an intention lacks to become a tactic; empty for a tactic.'),
    initiativeId: z.string().nullable().describe("The step's own initiative, else its idea's; null when neither names a brief initiative."),
    review: ExportReviewSchema.nullable(),
    reviewDue: z.boolean().describe('The review date has come (as of exportedAt) and no review is recorded.'),
    updatedAt: exportDateTime.nullable(),
  })
  .meta({ title: 'Step' });

export const ExportIdeaSchema = z
  .strictObject({
    id: z.string(),
    text: z.string(),
    author: z.string().describe('Display name of whoever wrote the idea (for AI ideas, the person who adopted it).'),
    origin: z.enum(ORIGINS),
    provenance: ExportProvenanceSchema.nullable(),
    cluster: z.string().nullable().describe('Title of the board cluster the idea sat in.'),
    decision: ExportDecisionSchema,
    selection: ExportSelectionSchema.nullable().describe('Null when votes were never revealed for this idea.'),
  })
  .meta({ title: 'Idea' });

export const ExportKeptIdeaSchema = ExportIdeaSchema.extend({
  steps: z.array(ExportStepSchema),
}).meta({
  title: 'KeptIdea',
});

export const ExportInitiativeSchema = z
  .strictObject({
    id: z.string().nullable().describe('Null for the group of kept ideas not filed under any initiative.'),
    title: z.string(),
    description: z.string(),
    ideas: z.array(ExportKeptIdeaSchema).describe('May be empty: an initiative nothing serves is shown, not hidden.'),
  })
  .meta({ title: 'Initiative' });

const counts = z.strictObject({
  tactical: z.number().int().min(0),
  operational: z.number().int().min(0),
  strategic: z.number().int().min(0),
});

export const ExportBalanceSchema = z
  .strictObject({
    counts,
    total: z.number().int().min(0),
    percents: counts.describe('Whole percentages that sum to 100 when total > 0.'),
    missing: z.array(z.enum(WORK_TYPES)).describe('Work types with no step (empty when there are no steps).'),
    dominant: z.enum(WORK_TYPES).nullable().describe('A work type holding over 70% of 3+ steps.'),
  })
  .meta({
    title: 'WorkTypeBalance',
    description: "How the plan's steps split across work types.",
  });

export const ExportMetricSchema = z
  .strictObject({
    name: z.string(),
    target: z.string(),
    evidence: z
      .array(
        z.strictObject({
          stepId: z.string(),
          stepTitle: z.string(),
          ideaId: z.string(),
          outcome: z.enum(REVIEW_OUTCOMES),
          learned: z.string(),
          recordedAt: exportDateTime.nullable(),
        }),
      )
      .describe('Reviews of steps that say they touch this metric: tactical evidence flowing back up.'),
  })
  .meta({ title: 'StrategicMetric' });

export const ExportGapSchema = z
  .strictObject({
    kind: z.enum(['initiative-without-idea', 'kept-idea-without-step', 'step-is-intention']),
    message: z.string(),
    initiativeId: z.string().nullable(),
    ideaId: z.string().nullable(),
    stepId: z.string().nullable(),
  })
  .meta({
    title: 'Gap',
    description: 'Something that keeps the plan unfinished.',
  });

export const PlanExportV1Schema = z
  .strictObject({
    format: z.literal(PLAN_EXPORT_FORMAT),
    version: z.literal(PLAN_EXPORT_V1),
    exportedAt: exportDateTime,
    session: z.strictObject({
      id: z.string(),
      title: z.string(),
      phase: z.enum(PHASES),
      createdAt: exportDateTime.nullable(),
    }),
    finalised: z
      .strictObject({
        revision: z.number().int().min(1).describe('Counts finalisations: each re-finalisation is a new revision.'),
        finalisedAt: exportDateTime,
        finalisedBy: z.string(),
      })
      .nullable()
      .describe('Set once the facilitator has finalised the plan; later edits keep the last finalisation.'),
    brief: ExportBriefSchema,
    initiatives: z
      .array(ExportInitiativeSchema)
      .describe("Kept ideas grouped by initiative, in the brief's order; the unfiled group (id null) comes last."),
    parked: z.array(ExportIdeaSchema),
    dropped: z.array(ExportIdeaSchema),
    undecided: z.number().int().min(0).describe('Selectable ideas nobody decided on.'),
    metrics: z.array(ExportMetricSchema).describe("The brief's strategic success metrics with the evidence recorded against them."),
    gaps: z.array(ExportGapSchema),
    balance: ExportBalanceSchema,
    totals: z.strictObject({
      keptIdeas: z.number().int().min(0),
      steps: z.number().int().min(0),
      tactics: z.number().int().min(0),
      intentions: z.number().int().min(0),
      reviewed: z.number().int().min(0),
    }),
  })
  .meta({
    id: 'PlanExportV1',
    title: 'Throughline plan export, version 1',
    description:
      'A session plan with its whole chain: objective → initiative → kept idea → decision rationale → steps (owner, due, success check).',
  });

/** A v1 plan export, as integrations built before v2 read it. */
export type PlanExportV1 = z.infer<typeof PlanExportV1Schema>;

/** The published JSON Schema for v1, generated from the zod types (the committed copy in docs/ is compared to it). */
export function planJsonSchemaV1(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanExportV1Schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: PLAN_V1_SCHEMA_ID, ...rest };
}
