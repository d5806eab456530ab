import { describe, expect, it } from 'vitest';
import { renderMail } from './mailContent.ts';

describe('renderMail', () => {
  it('escapes user text in the HTML part, keeps it verbatim in the text part, and keeps the subject on one line', () => {
    const hostile = `<img src=x onerror="alert(1)"> & 'quoted'`;
    const mail = renderMail(
      {
        subject: `Bo mentioned you\r\nBcc: everyone@example.test`,
        lines: [hostile],
        action: { label: 'Reply', url: `https://t.example/s/1?thread=idea:"><script>` },
      },
      'https://t.example/api/unsubscribe?t=a.b',
    );
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
    expect(mail.html).toContain('href="https://t.example/s/1?thread=idea:&quot;&gt;&lt;script&gt;"');
    expect(mail.html).not.toMatch(/<img|<script/);
    expect(mail.text).toContain(hostile);
    expect(mail.subject).toBe('Bo mentioned you Bcc: everyone@example.test');
  });
});
