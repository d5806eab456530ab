import { type Mentionable, mentionCandidates, mentionQuery } from '@throughline/shared';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';

export interface MentionComposerProps {
  people: readonly Mentionable[];
  placeholder: string;
  submitLabel: string;
  initial?: string;
  disabled?: boolean;
  onSubmit(text: string): void;
  onCancel?(): void;
}

/**
 * A comment box with `@name` autocomplete: typing `@` and a few letters
 * lists matching people; ↑/↓ pick, Enter or Tab inserts, Escape closes.
 * Ctrl/⌘+Enter sends.
 */
export function MentionComposer({ people, placeholder, submitLabel, initial = '', disabled, onSubmit, onCancel }: MentionComposerProps) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once an inserted mention is on screen. Placed in a
  // layout effect, before the browser handles the next key: a later frame
  // would let a fast typist's next letter land before the caret moves.
  const placeCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (placeCaret.current === null) return;
    ref.current?.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = null;
  });
  const listId = useId();
  const query = mentionQuery(text, caret);
  const options = query && dismissed !== query.start ? mentionCandidates(query.query, people) : [];

  const insert = (p: Mentionable) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}@${p.name} ${text.slice(caret)}`;
    const at = query.start + p.name.length + 2;
    setText(next);
    setCaret(at);
    setActive(0);
    placeCaret.current = at;
  };
  const submit = () => {
    if (!text.trim() || disabled) return;
    onSubmit(text.trim());
    setText('');
    setCaret(0);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        insert(options[Math.min(active, options.length - 1)] as Mentionable);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(query?.start ?? null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && onCancel) onCancel();
  };

  return (
    <div className="comment-composer">
      <textarea
        ref={ref}
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        rows={3}
        maxLength={4000}
        aria-describedby={options.length > 0 ? listId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKey}
      />
      {options.length > 0 ? (
        <ul className="mention-options" id={listId} aria-label="People to mention (↑↓, Enter)">
          {options.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                tabIndex={-1}
                data-active={i === active || undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(p)}
              >
                @{p.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="comment-composer-actions">
        {onCancel ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="button" className="btn btn-small btn-primary" disabled={disabled || !text.trim()} onClick={submit}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
