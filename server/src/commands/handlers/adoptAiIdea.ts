import { ErrorCode, NOTE_SIZE, patchIdea, readClusters, readIdea, readIdeas } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * A person takes an AI idea from the AI lane onto the canvas, optionally
 * rewording and placing it. From then on it can be voted on, scored and
 * decided like anyone's idea; its origin and provenance stay `ai`.
 */
export const adoptAiIdea: CommandHandler<'adoptAiIdea'> = (cmd, ctx) => {
  const idea = readIdea(ctx.board, cmd.ideaId);
  if (!idea) return refuse(404, ErrorCode.notFound, 'that idea no longer exists');
  if (idea.origin !== 'ai') return refuse(409, ErrorCode.conflict, 'only AI ideas need adopting');
  if (idea.lane === 'canvas') return refuse(409, ErrorCode.conflict, `already adopted${idea.adoptedBy ? '' : ''}`);
  const me = ctx.identity.participantId;
  const edited = cmd.text !== undefined && cmd.text !== idea.text;
  const at = cmd.x !== undefined && cmd.y !== undefined ? { x: cmd.x, y: cmd.y } : freeSpot(ctx.board);
  ctx.transact(ctx.board, () =>
    patchIdea(ctx.board, idea.id, {
      lane: 'canvas',
      adoptedBy: me,
      ...(edited ? { text: cmd.text, editedBy: me } : {}),
      x: at.x,
      y: at.y,
    }),
  );
  return { ok: true, value: { ideaId: idea.id, x: at.x, y: at.y } };
};

/** Without coordinates, an adopted idea goes just right of everything on the canvas, level with its top. */
function freeSpot(board: Parameters<typeof readIdeas>[0]): { x: number; y: number } {
  const onCanvas = readIdeas(board).filter((i) => i.lane === 'canvas');
  const clusters = readClusters(board);
  if (onCanvas.length === 0 && clusters.length === 0) return { x: 0, y: 0 };
  const right = Math.max(...onCanvas.map((i) => i.x + NOTE_SIZE.width), ...clusters.map((c) => c.x + c.width));
  const top = Math.min(...onCanvas.map((i) => i.y), ...clusters.map((c) => c.y));
  return { x: right + 40, y: top };
}
