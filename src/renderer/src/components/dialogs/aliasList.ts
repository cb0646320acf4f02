/** Edits of the outlet alias list, as the list to save with `outlets.setAliases`. */
import type { OutletAlias } from '../../../../shared/contract'

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * `alias` stands for `outlet` from now on: an older entry for the same alias is replaced, entries
 * that pointed at `alias` now point at `outlet`, and an entry for `outlet` itself goes (it would
 * send the name back). Returns the list unchanged when the two names are one.
 */
export function withAlias(list: OutletAlias[], alias: string, outlet: string): OutletAlias[] {
  const a = alias.trim()
  const o = outlet.trim()
  if (!a || !o || same(a, o)) return list
  const kept = list.filter((x) => !same(x.alias, a) && !same(x.alias, o)).map((x) => (same(x.outlet, a) ? { ...x, outlet: o } : x))
  return [...kept, { alias: a, outlet: o }].sort((x, y) => x.outlet.localeCompare(y.outlet) || x.alias.localeCompare(y.alias))
}

export function withoutAlias(list: OutletAlias[], alias: string): OutletAlias[] {
  return list.filter((x) => !same(x.alias, alias))
}
