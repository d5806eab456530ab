import { AI_LIMITS, ErrorCode, readBrief, readIdeas } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * Proposes groups of similar canvas ideas, each with a title. Changes
 * nothing: the suggestions come back in the answer, and a person accepts
 * the ones they like with `acceptClusterSuggestion`. AI-lane ideas are left
 * out until someone adopts them.
 */
export const suggestClusters: CommandHandler<'suggestClusters'> = async (cmd, ctx) => {
  const brief = readBrief(ctx.control);
  if (!brief) return refuse(409, ErrorCode.conflict, 'the session has no brief yet');
  const wanted = cmd.ideaIds ? new Set<string>(cmd.ideaIds) : null;
  const ideas = readIdeas(ctx.board)
    .filter((i) => i.lane === 'canvas' && i.text.trim() !== '' && (wanted ? wanted.has(i.id) : i.clusterId === null))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .slice(0, AI_LIMITS.maxClusterIdeas)
    .map((i) => ({ id: i.id, text: i.text }));
  const ai = ctx.app.ai;
  if (ideas.length < 2) return { ok: true, value: { suggestions: [], generator: ai.generator.name } };
  const r = await ai.suggest(ctx.session.id, { brief, ideas });
  if (!r.ok) {
    const e = r.error;
    if (e.kind === 'rate-limited') return refuse(429, ErrorCode.rateLimited, e.message);
    if (e.kind === 'unavailable' || e.kind === 'auth') return refuse(503, ErrorCode.aiUnavailable, e.message);
    return refuse(502, ErrorCode.aiFailed, e.message);
  }
  return { ok: true, value: { suggestions: r.suggestions, generator: ai.generator.name, model: ai.generator.model } };
};
