import { escapeHtml } from './escapeHtml.ts';

/** One mail's words: a subject, a plain-text part and an HTML part saying the same. */
export interface MailContent {
  subject: string;
  /** Paragraphs, plain text. */
  lines: string[];
  /** The one thing to click. */
  action: { label: string; url: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders a mail: the text part for every client, the HTML part with the
 * same paragraphs (escaped: session titles and comments are user text)
 * and a button. Both end with the unsubscribe link.
 */
export function renderMail(c: MailContent, unsubscribeUrl: string): RenderedMail {
  const footer = 'You get this because you gave your address when joining this session.';
  const text = [...c.lines, '', `${c.action.label}: ${c.action.url}`, '', '--', footer, `Unsubscribe: ${unsubscribeUrl}`].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#212529;max-width:560px">
${c.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#1971c2;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(c.action.label)}</a></p>
<hr><p style="color:#868e96;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>
</body></html>`;
  return { subject: c.subject.replace(/[\r\n]+/g, ' ').slice(0, 200), text, html };
}
