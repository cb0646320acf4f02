/** `parallax list` and `parallax show <id>`. */
import { limitOption, oneArticleId } from '../args'
import type { Command } from '../context'
import { printArticle, printJson, printList } from '../printers'

export const listCommand: Command = {
  name: 'list',
  async run(ctx) {
    const limit = limitOption(ctx.options)
    ctx.open({ read: true })
    const { items, total } = await ctx.call('articles.list', limit ? { limit } : {})
    if (ctx.json) printJson(items)
    else printList(items, total)
    return 0
  }
}

export const showCommand: Command = {
  name: 'show',
  async run(ctx) {
    const id = oneArticleId(ctx.args, 'show')
    ctx.open({ read: true })
    const article = await ctx.call('articles.get', { id })
    if (ctx.json) printJson(article)
    else printArticle(article)
    return 0
  }
}
