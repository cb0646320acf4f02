/** Selecting text in the reader as a mouse would: a DOM range over a paragraph, then mouseup. */
import type { Page } from 'playwright-core'

export async function selectParagraph(page: Page, text: string): Promise<void> {
  await page.evaluate((paragraph) => {
    const p = [...document.querySelectorAll('.reader-body p')].find((el) => el.textContent === paragraph)!
    p.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.selectNodeContents(p)
    const sel = window.getSelection()!
    sel.removeAllRanges()
    sel.addRange(range)
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  }, text)
}
