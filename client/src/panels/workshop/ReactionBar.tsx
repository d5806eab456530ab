import { isIdeaId, NOTE_SIZE, REACTION_EMOJI, type Reactions } from '@throughline/shared';
import { useSyncExternalStore } from 'react';
import { react } from '../../actions/reactionActions.ts';
import { boardToScreen } from '../../board/viewport.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useStoreValue } from '../../state/useStore.ts';

/**
 * The emoji row over the one selected board note: click to add or take
 * back your reaction. Reactions are conversation, not votes; they freeze
 * with the board.
 */
export function ReactionBar({ reactions }: { reactions: ReadonlyMap<string, Reactions> }) {
  const { boardEditor, you, canWrite, privateDrafts } = useSession();
  const selection = useStoreValue(boardEditor.ui, (s) => s.selection);
  const editing = useStoreValue(boardEditor.ui, (s) => s.editingId);
  const vp = useSyncExternalStore(boardEditor.viewport.subscribe, boardEditor.viewport.get);
  useSyncExternalStore(boardEditor.store.subscribe, () => boardEditor.store.version);
  const id = selection.size === 1 ? [...selection][0] : undefined;
  const note = id && isIdeaId(id) ? boardEditor.store.ideas.get(id) : undefined;
  if (!note || !canWrite || privateDrafts || editing === note.id || note.lane !== 'canvas') return null;
  const at = boardToScreen(vp, { x: note.x, y: note.y + NOTE_SIZE.height });
  const mine = reactions.get(note.id) ?? {};
  return (
    <div
      className="reaction-bar"
      // Under the note, but kept on the canvas when the note is near its right edge (about the bar's width).
      style={{ left: `clamp(8px, ${Math.round(at.x)}px, calc(100% - 240px))`, top: at.y + 28 }}
      data-testid="reaction-bar"
      role="toolbar"
      aria-label="React to this note"
    >
      {REACTION_EMOJI.map((e) => {
        const who = mine[e] ?? [];
        const pressed = who.includes(you.participantId);
        return (
          <button
            key={e}
            type="button"
            className="reaction"
            aria-pressed={pressed}
            aria-label={`React ${e}`}
            onPointerDown={(ev) => ev.stopPropagation()}
            onClick={() => boardEditor.run(react, { ideaId: note.id, emoji: e })}
          >
            {e}
            {who.length > 0 ? <span className="reaction-count">{who.length}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
