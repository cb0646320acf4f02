/**
 * An article file and its metadata file (`story.txt` with `story.json` or `story.txt.json`) are
 * paired only when they arrive in the same `import.files` call. Callers that split a folder into
 * several calls (the renderer's uploads) sort the names and never split between two files this
 * says belong together. Dependency-free, for the renderer.
 */

const stem = (name: string): string => name.replace(/\\/g, '/').replace(/\.[^./]*$/, '')

/** Whether two files' names make an article and its metadata file (same folder, same base name). */
export function belongTogether(a: string, b: string): boolean {
  const sa = stem(a)
  const sb = stem(b)
  return sa === sb || sb === a.replace(/\\/g, '/') || sa === b.replace(/\\/g, '/')
}
