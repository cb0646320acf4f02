/** Outlet names: the alias list that merges spellings (`NYT` = `The New York Times`). */
import type { ApiPart, CoreContext } from './context'

export type OutletMethods = 'outlets.aliases' | 'outlets.setAliases'

export function outletService({ library, changed }: CoreContext): ApiPart<OutletMethods> {
  return {
    async 'outlets.aliases'() {
      return { items: library.outlets.aliases() }
    },
    async 'outlets.setAliases'(args) {
      const items = args.items // trimmed and checked by the contract
      const renamed = library.outlets.setAliases(items)
      if (renamed > 0) await changed('update')
      return { items, renamed }
    }
  }
}
