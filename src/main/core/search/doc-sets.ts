/**
 * Sets of article ids as ascending Int32Arrays (a posting list's own form): union, intersection
 * and difference by sorted walks, the intersection galloping through the longer lists, so a
 * query's cost follows its shortest required list rather than its longest.
 */

/** An ascending list of distinct article ids. */
export type DocSet = Int32Array

export const EMPTY: DocSet = new Int32Array(0)

/** The first index at or after `from` whose id is at least `doc` (a.length if none): galloping, then binary search. */
export function seek(a: ArrayLike<number>, doc: number, from: number): number {
  if (from >= a.length || a[from]! >= doc) return from
  let step = 1
  let lo = from
  let hi = from + 1
  while (hi < a.length && a[hi]! < doc) {
    lo = hi
    step *= 2
    hi = from + step
  }
  if (hi > a.length) hi = a.length
  // a[lo] < doc; the answer is in (lo, hi].
  lo++
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < doc) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The ids in any of the lists (each ascending): merged pairwise, as a tree, so each id moves log(lists) times. */
export function union(lists: readonly ArrayLike<number>[]): DocSet {
  let level: DocSet[] = lists.filter((l) => l.length > 0).map((l) => (l instanceof Int32Array ? l : Int32Array.from(l)))
  if (level.length === 0) return EMPTY
  while (level.length > 1) {
    const next: DocSet[] = []
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!) : level[i]!)
    level = next
  }
  return level[0]!
}

function mergeTwo(a: DocSet, b: DocSet): DocSet {
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x <= y) i++
    if (y <= x) j++
    out[n++] = x <= y ? x : y
  }
  while (i < a.length) out[n++] = a[i++]!
  while (j < b.length) out[n++] = b[j++]!
  return out.subarray(0, n)
}

/** The ids in both lists, walking the shorter and galloping through the longer. */
function intersectTwo(a: DocSet, b: DocSet): DocSet {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  const out = new Int32Array(short.length)
  let n = 0
  let j = 0
  for (let i = 0; i < short.length && j < long.length; i++) {
    const doc = short[i]!
    j = seek(long, doc, j)
    if (j < long.length && long[j] === doc) out[n++] = doc
  }
  return out.subarray(0, n)
}

/** The ids in every list (shortest first, so each step is bounded by the result so far). */
export function intersect(lists: readonly DocSet[]): DocSet {
  if (lists.length === 0) return EMPTY
  const sorted = [...lists].sort((a, b) => a.length - b.length)
  let out = sorted[0]!
  for (let i = 1; i < sorted.length && out.length > 0; i++) out = intersectTwo(out, sorted[i]!)
  return out
}

/** Whether each id of `a` is outside `b`: a keep-mask over `a` (for subtracting from lists with parallel data). */
export function outside(a: DocSet, b: DocSet): Uint8Array {
  const keep = new Uint8Array(a.length).fill(1)
  let j = 0
  for (let i = 0; i < a.length && j < b.length; i++) {
    j = seek(b, a[i]!, j)
    if (j < b.length && b[j] === a[i]) keep[i] = 0
  }
  return keep
}

/** Whether each id of `a` is in `b`. */
export function inside(a: DocSet, b: DocSet): Uint8Array {
  const keep = outside(a, b)
  for (let i = 0; i < keep.length; i++) keep[i] = 1 - keep[i]!
  return keep
}

/** The ids of `a` not in `b`. */
export function subtract(a: DocSet, b: DocSet): DocSet {
  const keep = outside(a, b)
  return a.filter((_, i) => keep[i] === 1)
}
