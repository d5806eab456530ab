import {
  PLAN_SCHEMA_PATH,
  PLAN_V1_SCHEMA_PATH,
  type PlanExport,
  planJsonSchema,
  planJsonSchemaV1,
  toPlanExportV1,
} from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { requireIdentity } from '../auth/requireIdentity.ts';
import { Errors } from '../errors.ts';
import { CSV_VARIANT_NAMES, type CsvVariantName, isCsvVariant } from '../export/csvVariants.ts';
import { contentDisposition, exportFileName } from '../export/exportFileName.ts';
import { planToCsv } from '../export/planToCsv.ts';
import { planToIcs } from '../export/planToIcs.ts';
import { planToMarkdown } from '../export/planToMarkdown.ts';
import { readPlanExport } from '../export/readPlanExport.ts';
import { loadSession } from './sessions.ts';

/** Options a download URL may carry: CSV's `?variant=`, JSON's `?version=1`. */
export interface ExportOptions {
  variant?: CsvVariantName;
  /** JSON only: 1 serves the v1 shape (v2's additions removed) for integrations that validate v1. */
  version?: 1 | 2;
}

/** The plan's formats: file extension → media type and writer. */
export const EXPORT_FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', write: (p: PlanExport) => planToMarkdown(p) },
  csv: { type: 'text/csv; charset=utf-8; header=present', write: (p: PlanExport, o: ExportOptions = {}) => planToCsv(p, o.variant) },
  json: {
    type: 'application/json; charset=utf-8',
    write: (p: PlanExport, o: ExportOptions = {}) => `${JSON.stringify(o.version === 1 ? toPlanExportV1(p) : p, null, 2)}\n`,
  },
  ics: { type: 'text/calendar; charset=utf-8; method=PUBLISH', write: (p: PlanExport) => planToIcs(p) },
  // The PDF writer and its fonts (fontkit, ~35 MB of parsed typefaces) load with the first PDF asked for.
  pdf: { type: 'application/pdf', write: async (p: PlanExport) => (await import('../export/planToPdf.ts')).planToPdf(p) },
} as const satisfies Record<string, { type: string; write: (p: PlanExport, o?: ExportOptions) => string | Promise<Buffer> }>;

/** `?variant=` of a CSV download: absent means the default (Jira) file; anything unknown is refused, not guessed. */
function csvVariant(query: unknown): CsvVariantName | undefined {
  const v = (query as { variant?: unknown } | undefined)?.variant;
  if (v === undefined || v === '') return undefined;
  if (isCsvVariant(v)) return v;
  throw new Errors.badRequest(`unknown CSV variant ${JSON.stringify(String(v))}; use one of ${CSV_VARIANT_NAMES.join(', ')}`);
}

/** `?version=` of a JSON download: absent or 2 is the current shape, 1 the previous one; anything else is refused. */
function jsonVersion(query: unknown): 1 | 2 {
  const v = (query as { version?: unknown } | undefined)?.version;
  if (v === undefined || v === '' || v === '2') return 2;
  if (v === '1') return 1;
  throw new Errors.badRequest(`unknown plan export version ${JSON.stringify(String(v))}; use 1 or 2`);
}

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * `GET /api/sessions/:id/export.{md,csv,json,ics,pdf}` for any valid token of
 * the session, viewers included, as a Bearer header or `?token=` (so a plain
 * link downloads); and the public JSON Schema of the JSON format.
 */
export async function exportRoutes(app: FastifyInstance) {
  for (const [ext, format] of Object.entries(EXPORT_FORMATS) as [ExportFormat, (typeof EXPORT_FORMATS)[ExportFormat]][]) {
    app.get<{ Params: { id: string } }>(`/api/sessions/:id/export.${ext}`, async (req, reply) => {
      const session = await loadSession(app, req.params.id);
      requireIdentity(app, req, session.id);
      const variant = ext === 'csv' ? csvVariant(req.query) : undefined;
      const version = ext === 'json' ? jsonVersion(req.query) : undefined;
      const now = new Date();
      const plan = await app.rooms.withCurrent(session.id, ['board', 'control'], (board, control) =>
        readPlanExport({ sessionId: session.id, createdAt: session.createdAt, board: board.doc, control: control.doc, now }),
      );
      if (!plan) throw new Errors.notFound('this session has no brief, so there is no plan to export');
      const body = await format.write(plan, { variant, version });
      reply
        .header('content-type', format.type)
        .header('content-disposition', contentDisposition(exportFileName(plan.session.title, now, ext, variant)))
        // The plan changes as people work, and the URL may carry a token: never cache it anywhere.
        .header('cache-control', 'no-store')
        // User text inside must never be sniffed into HTML by a browser.
        .header('x-content-type-options', 'nosniff');
      if (ext === 'json') reply.header('link', `<${version === 1 ? PLAN_V1_SCHEMA_PATH : PLAN_SCHEMA_PATH}>; rel="describedby"`);
      return body;
    });
  }

  for (const [path, make] of [
    [PLAN_SCHEMA_PATH, planJsonSchema],
    [PLAN_V1_SCHEMA_PATH, planJsonSchemaV1],
  ] as const) {
    const schema = `${JSON.stringify(make(), null, 2)}\n`;
    app.get(path, async (_req, reply) => {
      reply
        .header('content-type', 'application/schema+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        // A published contract: integrators' tools may fetch it from anywhere.
        .header('access-control-allow-origin', '*');
      return schema;
    });
  }
}

/**
 * The export routes' OpenAPI paths, for `openApiDocument()` to merge in
 * (`paths: { ...exportOpenApiPaths() }`), so `/api/docs` lists them.
 */
export function exportOpenApiPaths(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [ext, format] of Object.entries(EXPORT_FORMATS)) {
    paths[`/api/sessions/{id}/export.${ext}`] = {
      get: {
        summary: `Download the plan as ${ext.toUpperCase()} (see docs/export.md)`,
        security: [{ bearer: [] }, {}],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'token',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'Instead of the Bearer header, for plain links',
          },
          ...(ext === 'csv'
            ? [
                {
                  name: 'variant',
                  in: 'query',
                  required: false,
                  schema: { type: 'string', enum: CSV_VARIANT_NAMES },
                  description: 'The importer the columns are named for (default jira); excel adds a UTF-8 byte-order mark',
                },
              ]
            : []),
          ...(ext === 'json'
            ? [
                {
                  name: 'version',
                  in: 'query',
                  required: false,
                  schema: { type: 'string', enum: ['1', '2'] },
                  description: 'Plan export version (default 2); 1 for integrations that validate v1',
                },
              ]
            : []),
        ],
        responses: {
          '200': {
            description: 'The plan, as an attachment named "<title> - <YYYY-MM-DD>.<ext>"',
            content: { [format.type.split(';')[0] as string]: ext === 'json' ? { schema: { $ref: PLAN_SCHEMA_PATH } } : {} },
          },
          '401': { description: 'missing or invalid token' },
          '403': { description: 'token for another session' },
          '404': { description: 'no such session' },
        },
      },
    };
  }
  paths[PLAN_SCHEMA_PATH] = {
    get: { summary: 'JSON Schema of the plan export, version 2', responses: { '200': { description: 'application/schema+json' } } },
  };
  paths[PLAN_V1_SCHEMA_PATH] = {
    get: { summary: 'JSON Schema of the plan export, version 1', responses: { '200': { description: 'application/schema+json' } } },
  };
  return paths;
}
