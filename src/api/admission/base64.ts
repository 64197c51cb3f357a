/**
 * Standard base64 as Go's encoding/base64 decodes `[]byte` JSON fields (Secret data,
 * ConfigMap binaryData), with its error wording: `illegal base64 data at input byte N`.
 */
const alphabet = /[A-Za-z0-9+/]/;

/** The decoding error for a value, or '' when it decodes. */
export function base64Problem(text: string): string {
  let i = 0;
  while (i < text.length && alphabet.test(text[i]!)) i++;
  const dataLength = i;
  while (i < text.length && text[i] === '=' && i - dataLength < 2) i++;
  if (i < text.length) return `illegal base64 data at input byte ${i}`;
  const padded = text.length % 4 === 0 && (dataLength % 4 === 0 || text.length - dataLength === 4 - (dataLength % 4));
  if (!padded || dataLength % 4 === 1) return `illegal base64 data at input byte ${Math.max(0, dataLength - (dataLength % 4))}`;
  return '';
}

export function decodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
