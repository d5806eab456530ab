/**
 * Removes a secret (the API key) from text headed for a log or a client,
 * including partial echoes such as "sk-abc…xyz" that some services send back
 * in error messages.
 */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 6) return text;
  let out = text.split(secret).join('[redacted]');
  // Any long run of the key's own characters (services often quote a prefix or suffix).
  for (const part of [secret.slice(0, 12), secret.slice(-8)]) if (part.length >= 6) out = out.split(part).join('[redacted]');
  return out;
}
