import { MAX_IDEA_TEXT, NOTE_SIZE, readIdea } from '@throughline/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { editNoteText } from '../actions/noteActions.ts';
import { NOTE_FONT, NOTE_PADDING, noteFontSize } from '../board/noteText.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue, useVersion } from '../state/useStore.ts';

/**
 * Inline text editing: a DOM textarea laid exactly over the note (scaled
 * with the camera), so typing, IME, selection and screen readers behave as
 * in any text field. Every keystroke is written (peers see it live);
 * the box grows with the text while editing.
 */
export function NoteEditor({ editor, id }: { editor: BoardEditor; id: string }) {
  const version = useVersion(editor.store);
  // A note created this instant is in the doc but reaches the store only at the next frame.
  const idea = editor.store.ideas.get(id) ?? readIdea(editor.ctx.doc, id);
  const vp = useStoreValue(editor.viewport);
  const [text, setText] = useState(() => idea?.text ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.max(NOTE_SIZE.height, el.scrollHeight)}px`;
  });

  // Deleted under us (by a peer or an undo): nothing left to edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-check whenever the board changed
  useEffect(() => {
    if (!readIdea(editor.ctx.doc, id)) patchStore(editor.ui, { editingId: null });
  }, [version, editor, id]);
  if (!idea) return null;

  const close = () => {
    if (editor.ui.get().editingId === id) patchStore(editor.ui, { editingId: null });
  };

  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label="Note text"
      data-testid="note-editor"
      value={text}
      maxLength={MAX_IDEA_TEXT}
      spellCheck
      style={{
        left: idea.x * vp.scale + vp.x,
        top: idea.y * vp.scale + vp.y,
        width: NOTE_SIZE.width,
        transform: `scale(${vp.scale})`,
        background: idea.color,
        fontFamily: NOTE_FONT,
        fontSize: noteFontSize(text),
        padding: NOTE_PADDING - 2,
      }}
      onChange={(e) => {
        setText(e.target.value);
        editor.run(editNoteText, { id, text: e.target.value });
      }}
      onBlur={close}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          close();
        }
      }}
    />
  );
}
