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

/**
 * Groups items whose names belong together (as `belongTogether` says), each group where its first
 * member came and members in their order, so a caller can send every group whole in one call.
 */
export function groupPairs<T>(items: T[], nameOf: (item: T) => string): T[][] {
  const groups: T[][] = []
  const byKey = new Map<string, T[]>()
  for (const item of items) {
    const name = nameOf(item).replace(/\\/g, '/')
    // Two names belong together exactly when one of these keys is shared.
    const keys = [stem(name), name]
    let group = keys.map((k) => byKey.get(k)).find((g) => g !== undefined)
    if (!group) groups.push((group = []))
    group.push(item)
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, group)
  }
  return groups
}
