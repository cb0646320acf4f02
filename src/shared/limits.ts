/** Limits shared by both sides, so the renderer can say "too large" before uploading. */
export const LIMITS = {
  /** Largest single file an importer accepts. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest batch of files in one `import.files` call (base64 inflates it by a third). */
  maxBatchBytes: 64 * 1024 * 1024,
  maxBatchFiles: 500,
  maxListLimit: 100_000
} as const
