import { type Idea, NOTE_SIZE, REACTION_EMOJI, type Reactions, type Verdict } from '@throughline/shared';
import { memo } from 'react';
import { NOTE_FONT, NOTE_FOOTER, NOTE_PADDING, noteFontSize } from '../board/noteText.ts';
import { BADGE_SIZE, VERDICT_BADGE } from '../board/verdictBadge.ts';
import { Group, Rect, Text } from '../konva/reactKonva.ts';

export interface NoteNodeProps {
  idea: Idea;
  selected: boolean;
  /** Someone else editing this note: their name and colour. */
  editor: { name: string; color: string } | null;
  /** This person is editing it in the DOM textarea above; do not draw the text twice. */
  hideText: boolean;
  /** Show the author and "AI" badge; false while a blind-origin session is judging ideas. */
  showOrigin: boolean;
  /** Comments on this note (a badge in the corner when any). */
  comments?: number;
  /** New or changed since this person was last here: it glows until they look. */
  isNew?: boolean;
  /** Emoji → who reacted; drawn as small counts under the note. */
  reactions?: Reactions;
  /** Another idea or cluster is in the spotlight: this note steps back. */
  dimmed?: boolean;
  /** This note is in the spotlight. */
  spotlit?: boolean;
  /** A private draft: only its author sees it until "Reveal all". */
  isPrivate?: boolean;
  /** After selection: kept, parked or dropped, shown as a tab on the note. */
  verdict?: Verdict;
}

const W = NOTE_SIZE.width;
const H = NOTE_SIZE.height;

/**
 * One sticky note. Memoised on the idea object, which the store replaces
 * only when that note changed, so a remote drag re-renders one note. Never
 * listens for events: the canvas hit-tests in board coordinates itself.
 */
export const NoteNode = memo(function NoteNode({
  idea,
  selected,
  editor,
  hideText,
  showOrigin,
  comments = 0,
  isNew = false,
  reactions,
  dimmed,
  spotlit,
  isPrivate,
  verdict,
}: NoteNodeProps) {
  const footer = isPrivate
    ? 'Private · only you'
    : showOrigin
      ? `${idea.authorName || 'Someone'}${idea.origin === 'ai' ? ' · AI' : ''}`
      : '';
  const chips = reactions ? REACTION_EMOJI.filter((e) => (reactions[e]?.length ?? 0) > 0).map((e) => `${e} ${reactions[e]?.length}`) : [];
  return (
    <Group x={idea.x} y={idea.y} listening={false} opacity={dimmed ? 0.2 : 1}>
      <Rect x={1} y={3} width={W} height={H} fill="rgba(0,0,0,0.08)" cornerRadius={3} perfectDrawEnabled={false} />
      {isNew ? (
        <Rect
          x={-5}
          y={-5}
          width={W + 10}
          height={H + 10}
          stroke="#f59f00"
          strokeWidth={3}
          cornerRadius={7}
          dash={[8, 4]}
          perfectDrawEnabled={false}
        />
      ) : null}
      <Rect
        width={W}
        height={H}
        fill={idea.color}
        cornerRadius={3}
        perfectDrawEnabled={false}
        {...(isPrivate ? { stroke: '#495057', strokeWidth: 2, dash: [6, 4], opacity: 0.9 } : {})}
      />
      {hideText ? null : idea.text ? (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={W - NOTE_PADDING * 2}
          height={H - NOTE_PADDING - NOTE_FOOTER - 4}
          text={idea.text}
          fontSize={noteFontSize(idea.text)}
          fontFamily={NOTE_FONT}
          lineHeight={1.25}
          fill="#212529"
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      ) : (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={W - NOTE_PADDING * 2}
          text="Empty note"
          fontSize={14}
          fontStyle="italic"
          fontFamily={NOTE_FONT}
          fill="#adb5bd"
          perfectDrawEnabled={false}
        />
      )}
      <Text
        x={NOTE_PADDING}
        y={H - NOTE_FOOTER}
        width={W - NOTE_PADDING * 2}
        text={footer}
        fontSize={11}
        fontFamily={NOTE_FONT}
        fill={idea.origin === 'ai' && showOrigin ? '#5f3dc4' : '#868e96'}
        wrap="none"
        ellipsis
        perfectDrawEnabled={false}
      />
      {verdict ? <VerdictTab verdict={verdict} /> : null}
      {comments > 0 ? (
        <Group x={W - 34} y={H - NOTE_FOOTER - 2}>
          <Rect width={30} height={16} fill="#1971c2" cornerRadius={8} perfectDrawEnabled={false} />
          <Text
            width={30}
            y={2}
            text={`💬${comments > 99 ? '99+' : comments}`}
            fontSize={10}
            fontFamily={NOTE_FONT}
            fill="#ffffff"
            align="center"
          />
        </Group>
      ) : null}
      {editor ? (
        <>
          <Rect width={W} height={H} stroke={editor.color} strokeWidth={3} cornerRadius={3} perfectDrawEnabled={false} />
          <Rect y={-22} width={Math.min(W, 28 + editor.name.length * 7)} height={20} fill={editor.color} cornerRadius={3} />
          <Text
            x={6}
            y={-18}
            width={W - 12}
            text={`✎ ${editor.name}`}
            fontSize={12}
            fontFamily={NOTE_FONT}
            fill="#ffffff"
            wrap="none"
            ellipsis
          />
        </>
      ) : null}
      {chips.length > 0 ? (
        <Text
          x={2}
          y={H + 6}
          width={W}
          text={chips.join('   ')}
          fontSize={13}
          fontFamily={NOTE_FONT}
          fill="#343a40"
          wrap="none"
          perfectDrawEnabled={false}
        />
      ) : null}
      {spotlit ? (
        <Rect
          x={-8}
          y={-8}
          width={W + 16}
          height={H + 16}
          stroke="#f59f00"
          strokeWidth={4}
          strokeScaleEnabled={false}
          cornerRadius={8}
          perfectDrawEnabled={false}
        />
      ) : null}
      {selected ? (
        <Rect
          x={-3}
          y={-3}
          width={W + 6}
          height={H + 6}
          stroke="#1c7ed6"
          strokeWidth={2}
          strokeScaleEnabled={false}
          cornerRadius={5}
          perfectDrawEnabled={false}
        />
      ) : null}
    </Group>
  );
});

/** The kept / parked / dropped tab at a note's top-right corner. */
function VerdictTab({ verdict }: { verdict: Verdict }) {
  const b = VERDICT_BADGE[verdict];
  return (
    <Group x={W - BADGE_SIZE.width - 4} y={-BADGE_SIZE.height / 2}>
      <Rect width={BADGE_SIZE.width} height={BADGE_SIZE.height} fill={b.fill} cornerRadius={9} perfectDrawEnabled={false} />
      <Text
        width={BADGE_SIZE.width}
        y={3}
        text={b.label}
        fontSize={11}
        fontStyle="bold"
        fontFamily={NOTE_FONT}
        fill="#ffffff"
        align="center"
        perfectDrawEnabled={false}
      />
    </Group>
  );
}
