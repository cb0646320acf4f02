/** `parallax list` and `parallax show <id>`. */
import { limitOption, oneArticleId } from '../args'
import type { Command } from '../context'
import { printArticle, printList, printResult } from '../printers'

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
