/** The query language, in a popover beside the search box. */
import { useState } from 'react'
import { HelpTable } from './HelpTable'

const ROWS: [string, string][] = [
  ['harbour bridge', 'articles with any of the words, best first'],
  ['"prime minister"', 'the exact phrase'],
  ['+ukraine', 'must contain the word'],
  ['-sport', 'must not contain the word'],
  ['title:budget', 'in a field: title, author, outlet, tag, notes'],
  ['outlet:fox vaccine', 'Fox articles about vaccines: outlet:, author: and tag: beside other words filter'],
  ['author:"jane doe"', 'all the words in the field (also author:jane-doe)'],
  ['outlet:fox outlet:cnn', 'either outlet (different fields: all apply)'],
  ['+outlet:fox vaccine', 'all Fox articles, vaccine ones first'],
  ['elect*', 'words starting with (3 letters or more)'],
  ['goverment~1', 'words one edit away, same first letter (~2: two)']
]

export function QueryHelp(): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <span className="query-help">
      <button className="icon" aria-label="Search help" aria-expanded={open} onClick={() => setOpen(!open)}>
        ?
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Search syntax" data-testid="query-help">
          <HelpTable rows={ROWS} keyAs={(q) => <code>{q}</code>} />
          <p>Case, accents and word endings are ignored (café = cafe, Blair's = Blair). Press / to search.</p>
          <p>The bar's outlet, language, tag, collection and date filters apply on top of the query's.</p>
        </div>
      )}
    </span>
  )
}
