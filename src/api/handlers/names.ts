/**
 * generateName suffixes as apiserver's names.SimpleNameGenerator: five characters from an
 * alphabet without vowels or look-alike digits, so generated names never spell words.
 */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const SUFFIX_LENGTH = 5;

export function generateName(base: string, random: () => number = Math.random): string {
  const trimmed = base.length > MAX_NAME_LENGTH - SUFFIX_LENGTH ? base.slice(0, MAX_NAME_LENGTH - SUFFIX_LENGTH) : base;
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return trimmed + suffix;
}
