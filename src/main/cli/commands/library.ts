/** `parallax list`, `parallax show <id>` and `parallax versions <id>`. */
import { limitOption, oneArticleId } from '../args'
import type { Command } from '../context'
import { printArticle, printList, printResult, printVersions } from '../printers'

export const listCommand: Command = {
  name: 'list',
  async run(ctx) {
    const limit = limitOption(ctx.options)
    ctx.open({ read: true })
    const { items, total } = await ctx.call('articles.list', limit ? { limit } : {})
    return printResult(ctx.json, items, (list) => printList(list, total))
  }
}

export const showCommand: Command = {
  name: 'show',
  async run(ctx) {
    const id = oneArticleId(ctx.args, 'show')
    ctx.open({ read: true })
    const article = await ctx.call('articles.get', { id })
    return printResult(ctx.json, article, printArticle)
  }
}

export const versionsCommand: Command = {
  name: 'versions',
  async run(ctx) {
    const id = oneArticleId(ctx.args, 'versions')
    ctx.open({ read: true })
    const { items } = await ctx.call('articles.versions', { id })
    return printResult(ctx.json, items, printVersions)
  }
}
