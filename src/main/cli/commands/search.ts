/** `parallax search`, `related` and `stories`: the search index's answers. */
import type { Args } from '../../../shared/contract'
import { limitOption, oneArticleId, UsageError, type CliOptions } from '../args'
import { CallFailed, type Command } from '../context'
import { printHits, printRelated, printResult, printStories } from '../printers'

function searchArgs(q: string, options: CliOptions): Args<'search.query'> {
  const filters = Object.fromEntries((['from', 'to', 'outlet', 'language'] as const).flatMap((k) => (options[k] === undefined ? [] : [[k, options[k]]])))
  return {
    q,
    limit: limitOption(options) ?? 20,
    // An unknown sort is refused by the contract with its own message.
    ...(options.sort ? { sort: options.sort as Args<'search.query'>['sort'] } : {}),
    ...(Object.keys(filters).length ? { filters } : {})
  }
}

export const searchCommand: Command = {
  name: 'search',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('search needs one query (quote it: parallax search "a b")')
    const args = searchArgs(ctx.args[0]!, ctx.options)
    ctx.open({ read: true })
    const res = await ctx.call('search.query', args)
    if (res.error) throw new CallFailed(res.error)
    return printResult(ctx.json, res, (hits) => printHits(hits, process.stdout.isTTY))
  }
}

export const relatedCommand: Command = {
  name: 'related',
  async run(ctx) {
    const id = oneArticleId(ctx.args, 'related')
    ctx.open({ read: true })
    const { items } = await ctx.call('articles.related', { id, limit: limitOption(ctx.options) ?? 10 })
    return printResult(ctx.json, items, printRelated)
  }
}

export const storiesCommand: Command = {
  name: 'stories',
  async run(ctx) {
    const limit = limitOption(ctx.options)
    ctx.open({ read: true })
    const { items } = await ctx.call('stories.list', limit ? { limit } : {})
    return printResult(ctx.json, items, printStories)
  }
}
