import {
  type Cluster,
  createClusterId,
  ErrorCode,
  insertCluster,
  layoutCluster,
  NOTE_SIZE,
  patchIdea,
  readClusters,
  readIdea,
  readIdeas,
} from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * A person accepts a cluster suggestion (as proposed or edited): one
 * transaction creates the titled frame and moves the ideas into a grid
 * inside it. Ideas deleted since the suggestion are skipped; AI-lane ideas
 * must be adopted first.
 */
export const acceptClusterSuggestion: CommandHandler<'acceptClusterSuggestion'> = (cmd, ctx) => {
  const ideas = [...new Set(cmd.ideaIds)].map((id) => readIdea(ctx.board, id)).filter((i) => i !== null);
  if (ideas.some((i) => i.lane !== 'canvas')) {
    return refuse(409, ErrorCode.notSelectable, 'adopt AI ideas onto the canvas before grouping them');
  }
  if (ideas.length === 0) return refuse(409, ErrorCode.conflict, 'none of those ideas exist any more');

  let x = cmd.x;
  let y = cmd.y;
  if (x === undefined || y === undefined) {
    // Right of everything on the canvas, so the new frame covers nothing.
    const members = new Set(ideas.map((i) => i.id));
    const others = readIdeas(ctx.board).filter((i) => i.lane === 'canvas' && !members.has(i.id));
    const clusters = readClusters(ctx.board);
    const rights = [...others.map((i) => i.x + NOTE_SIZE.width), ...clusters.map((c) => c.x + c.width), ...ideas.map((i) => i.x)];
    x = Math.max(...rights) + 80;
    y = Math.min(...ideas.map((i) => i.y));
  }
  const layout = layoutCluster(ideas.length, x, y);
  const cluster: Cluster = {
    id: createClusterId(),
    title: cmd.title,
    ...layout.frame,
    color: '#f1f3f5',
    createdBy: ctx.identity.participantId,
  };
  ctx.transact(ctx.board, () => {
    insertCluster(ctx.board, cluster);
    ideas.forEach((idea, k) => {
      const at = layout.positions[k] as { x: number; y: number };
      patchIdea(ctx.board, idea.id, { x: at.x, y: at.y, clusterId: cluster.id });
    });
  });
  return { ok: true, value: { clusterId: cluster.id, ideaIds: ideas.map((i) => i.id) } };
};
