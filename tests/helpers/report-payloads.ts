import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A server on 127.0.0.1 that records every request reaching it: nothing a report shows may. */
export interface LeakServer {
  url: string
  leaked: string[]
  close(): Promise<void>
}

export async function startLeakServer(): Promise<LeakServer> {
  const leaked: string[] = []
  const server = createServer((req, res) => {
    leaked.push(`${req.method} ${req.url}`)
    res.end('leaked')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, leaked, close: () => new Promise((done) => server.close(() => done())) }
}

/**
 * Two articles about one event whose shared sentences and altered quote carry markup aimed at a
 * "leak" server (a meta refresh, a <base>, a form, a full-page link): for the report tests.
 */
export function payloadArticles(leak: string): [string, string] {
  const refresh = `<meta http-equiv="refresh" content="0;url=${leak}/leak">`
  const base = `<base href="${leak}/">`
  const form = `<form action='${leak}/leak'><button>Continue</button></form>`
  const link = `<a href='${leak}/leak' style='position:fixed;inset:0;display:block;background:#fff'>Read on</a>`
  const story = (title: string, byline: string, when: string, quote: string, last: string): string =>
    [
      title,
      byline,
      'The city council approved a plan on Monday to rebuild the old harbour bridge, ending a long debate.',
      `Officials posted a notice reading ${refresh} ${base} on the town hall door on ${when}.`,
      `“The notice ${form} ${link} was put up ${quote},” the clerk said.`,
      last
    ].join('\n\n')
  return [
    story('Harbour bridge vote', 'March 3, 2025 — Kestrel Courier', 'Monday morning', 'by mistake and we have taken it down', 'Construction crews will begin removing the old deck in September.'),
    story('Council backs harbour bridge', 'March 4, 2025 — Gull Gazette', 'the main entrance on Tuesday evening', 'in error and we removed it', 'Ferries will run extra services during the closure.')
  ]
}
