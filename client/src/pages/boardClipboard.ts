import { copySelection, NOTES_MIME, parseClipNotes, pasteNotes, pasteText } from '../actions/clipboardActions.ts';
import { deleteSelection } from '../actions/noteActions.ts';
import { isTyping } from '../canvas/CanvasGestures.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';

/**
 * Copy, cut and paste on the board (not while typing in a field, where the
 * browser's own clipboard applies). Copied notes travel as our own type,
 * so pasting them duplicates them, and as plain text for other apps;
 * pasted plain text becomes one note per line. Returns the uninstaller.
 */
export function installBoardClipboard(editor: BoardEditor): () => void {
  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    if (isTyping(e.target) || !e.clipboardData) return;
    const copied = copySelection(editor.ctx);
    if (!copied) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copied.text);
    e.clipboardData.setData(NOTES_MIME, JSON.stringify(copied.notes));
    if (cut) editor.run(deleteSelection, undefined);
  };
  const copy = (e: ClipboardEvent) => onCopy(e, false);
  const cut = (e: ClipboardEvent) => onCopy(e, true);
  const paste = (e: ClipboardEvent) => {
    if (isTyping(e.target) || !e.clipboardData) return;
    const notes = parseClipNotes(e.clipboardData.getData(NOTES_MIME));
    const text = e.clipboardData.getData('text/plain');
    if (!notes && !text.trim()) return;
    e.preventDefault();
    if (notes) editor.run(pasteNotes, { notes });
    else editor.run(pasteText, { text });
  };
  window.addEventListener('copy', copy);
  window.addEventListener('cut', cut);
  window.addEventListener('paste', paste);
  return () => {
    window.removeEventListener('copy', copy);
    window.removeEventListener('cut', cut);
    window.removeEventListener('paste', paste);
  };
}
