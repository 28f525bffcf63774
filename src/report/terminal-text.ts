/**
 * Article text is untrusted: before it reaches a terminal, control characters (ANSI escapes, bidi
 * overrides, carriage returns) are shown as visible escapes so they can't rewrite the screen.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) =>
    `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ).replace(/[\n\t]/g, ' ');
}
