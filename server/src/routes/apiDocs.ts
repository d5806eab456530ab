import { BriefInputSchema, CommandSchema, PROTOCOL_VERSION, TemplateSchema } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportOpenApiPaths } from './exports.ts';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorBody = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string', description: 'machine-readable, e.g. TL_ERR_FORBIDDEN' }, message: { type: 'string' } },
};
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorBody } } });
const bearer = [{ bearer: [] }];

/** The OpenAPI description, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Throughline API',
      version: `1.${PROTOCOL_VERSION}.0`,
      description:
        'Sessions, commands and exports. Live documents sync over WebSocket at /sync/<sessionId>/<doc>?token=… using the y-websocket protocol.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Brief: json(BriefInputSchema), Command: json(CommandSchema), Template: json(TemplateSchema) },
    },
    paths: {
      ...exportOpenApiPaths(),
      '/api/sessions': {
        post: {
          summary: 'Create a session from a brief, or from a template (its agenda and voting settings, and your brief or its example)',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    brief: { $ref: '#/components/schemas/Brief' },
                    templateId: { type: 'string', description: 'an id from GET /api/templates; brief is then optional' },
                    facilitatorName: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: {
            '201': { description: 'sessionId, facilitatorToken, invites, links, warnings (the brief check)' },
            '400': err('a bad brief, naming each bad field in `issues`, or neither brief nor templateId'),
            '404': err('no such template'),
          },
        },
      },
      '/api/templates': {
        get: {
          summary: 'Session templates: brief skeleton with weighted criteria and success metrics, agenda, voting settings',
          responses: {
            '200': {
              description: '{ templates }',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { templates: { type: 'array', items: { $ref: '#/components/schemas/Template' } } },
                  },
                },
              },
            },
          },
        },
      },
      '/api/sessions/{id}/join': {
        post: {
          summary: 'Join with an invite and a display name',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['invite', 'name'],
                  properties: { invite: { type: 'string' }, name: { type: 'string' } },
                },
              },
            },
          },
          responses: {
            '200': { description: '{ token, participantId, role }' },
            '403': err('wrong invite'),
            '404': err('no such session'),
          },
        },
      },
      '/api/sessions/{id}': {
        get: {
          summary: 'Session summary',
          security: bearer,
          responses: {
            '200': { description: 'brief, phase, settings, participants, you, serverTime (epoch ms, for clock skew)' },
            '401': err('missing or bad token'),
            '403': err('token for another session'),
          },
        },
      },
      '/api/sessions/{id}/commands': {
        post: {
          summary: 'Apply a command',
          security: bearer,
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Command' } } } },
          responses: {
            '200': { description: '{ ok: true, …, serverTime } (every answer, refusals too, carries serverTime in epoch ms)' },
            '400': err('invalid command'),
            '403': err('not allowed for your role'),
            '409': err('not allowed in this phase'),
          },
        },
      },
    },
  };
}

export async function apiDocsRoutes(app: FastifyInstance) {
  // Built on the first request, not at start: few servers are ever asked, and converting the schemas is not free.
  let doc: ReturnType<typeof openApiDocument> | null = null;
  const serve = async () => {
    doc ??= openApiDocument();
    return doc;
  };
  app.get('/api/docs', serve);
  app.get('/api/docs/openapi.json', serve);
}
