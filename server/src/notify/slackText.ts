/**
 * Text for a Slack-compatible `{ text }` message. Slack reads `<…>` as
 * links and mentions (`<!channel>` pings everyone in the channel) and
 * wants `&`, `<`, `>` escaped; a session title is user text.
 */
export const slackText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
