/** Article text is untrusted: escape it before it reaches any HTML (job summary, HTML report). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
