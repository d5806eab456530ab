import { z } from 'zod';
import { randomId } from './ids.ts';

/** Longest comment text, in characters (a Parabol/Miro reply is a paragraph or two). */
export const MAX_COMMENT_CHARS = 4000;
/** Most people one comment may mention. */
export const MAX_MENTIONS = 20;

export type CommentId = string & { readonly __brand: 'CommentId' };
export const createCommentId = () => `comment:${randomId()}` as CommentId;
export const CommentIdSchema = z.string().regex(/^comment:[0-9a-zA-Z_-]{1,64}$/, 'not a comment id');

/** What a thread hangs off: an idea on the board or a next step in the plan. */
export const ThreadKeySchema = z.string().regex(/^(idea|step):[0-9a-zA-Z_-]{1,64}$/, 'a thread belongs to an idea or a step');

const IsoTime = z.string().datetime({ offset: true });

/**
 * One comment, as stored in a thread of the `comments` doc. `authorId` and
 * `authorName` are the writer's token identity (the server refuses anything
 * else); `deleted` is a soft delete, so a thread keeps its shape and
 * replies keep their context; `editedAt` is null until the author edits.
 */
export const CommentSchema = z.object({
  id: CommentIdSchema,
  authorId: z.string().regex(/^p_[0-9a-z]{4,40}$/),
  authorName: z.string().min(1).max(40),
  text: z.string().max(MAX_COMMENT_CHARS),
  createdAt: IsoTime,
  mentions: z.array(z.string().regex(/^p_[0-9a-z]{4,40}$/)).max(MAX_MENTIONS),
  editedAt: IsoTime.nullable(),
  deleted: z.boolean(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** The fields of a comment that never change after it is written. */
export const COMMENT_IMMUTABLE_FIELDS = ['id', 'authorId', 'authorName', 'createdAt'] as const;
/** Fields only the author may change. */
export const COMMENT_AUTHOR_FIELDS = ['text', 'mentions', 'editedAt'] as const;
