/**
 * Links people enter (published documents, audits, partner reports, a CCG's public notice) are only
 * ever followed as web addresses: anything but http(s) (javascript:, data:) is shown as text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
