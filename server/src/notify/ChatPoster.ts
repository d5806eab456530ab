import { maskWebhookUrl, randomId } from '@throughline/shared';
import { SERVER_PARTICIPANT_ID } from '../commands/serverIdentity.ts';
import type { WebhookDispatcher } from '../webhook/WebhookDispatcher.ts';
import { slackText } from './slackText.ts';

/**
 * Posts Slack-compatible `{ "text": … }` messages to a session's chat
 * webhook through the plan webhook's dispatcher: the same public-address
 * guard (checked on the address actually connected to), the same retries,
 * and the same stored job queue, so a post waiting for its retry survives
 * a restart. Chat posts stay out of the plan webhook's delivery log.
 * The text is escaped for Slack (`slackText`): it carries the session title.
 */
export class ChatPoster {
  constructor(
    private readonly webhooks: WebhookDispatcher,
    private readonly now: () => number,
  ) {}

  /** Resolves once the post is stored; it is delivered in the background. */
  post(sessionId: string, url: string, text: string): Promise<void> {
    return this.webhooks.enqueue({
      sessionId,
      logged: false,
      delivery: {
        id: `chat_${randomId(16)}`,
        event: 'chat.post',
        url: maskWebhookUrl(url),
        revision: null,
        requestedBy: SERVER_PARTICIPANT_ID,
        state: 'pending',
        attempts: [],
        createdAt: new Date(this.now()).toISOString(),
        finishedAt: null,
      },
      request: { url, body: JSON.stringify({ text: slackText(text) }), headers: { 'content-type': 'application/json' } },
    });
  }

  /** Posts (and other deliveries) not yet settled (tests wait for them). */
  whenIdle(): Promise<void> {
    return this.webhooks.whenIdle();
  }
}
