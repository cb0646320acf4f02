/** Text normalised for identity: what dedupe (hash, MinHash) compares. */

/** Whitespace, case and punctuation differences do not make a different article. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
