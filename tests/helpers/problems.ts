/** What went wrong in a page or on the wire during an end-to-end test, collected as it happens. */
import type { Page } from 'playwright-core'

/** Everything that went wrong in the page or on the wire, as one list of lines. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => {
    // The event stream is cut when the page closes: that is the end of the session, not a failure.
    if (!r.url().includes('/events')) problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`)
  })
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`))
  return problems
}
