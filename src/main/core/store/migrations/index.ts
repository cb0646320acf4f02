/**
 * Numbered schema steps, one file each. Step N takes a library from user_version N-1 to N; a
 * library is migrated one step at a time, each step in its own transaction together with its
 * version bump, so a crash mid-migration leaves the library at the last complete step.
 * A step is TypeScript (`up(db)`), so a data step can do more than SQL can.
 * Never edit a step that has shipped: add a new file and list it here.
 */
import type { Connection } from '../connection'
import * as m0001 from './0001-articles'
import * as m0002 from './0002-near-duplicates'
import * as m0003 from './0003-search-segments'
import * as m0004 from './0004-article-entities'
import * as m0005 from './0005-comparisons'
import * as m0006 from './0006-notes'
import * as m0007 from './0007-tags-collections'
import * as m0008 from './0008-preferences'
import * as m0009 from './0009-library-table-indexes'
import * as m0010 from './0010-article-versions'
import * as m0011 from './0011-stories'
import * as m0012 from './0012-search-postings'
import * as m0013 from './0013-ocr-confidence'
import * as m0014 from './0014-search-positions'
import * as m0015 from './0015-facet-counts'

export interface Migration {
  version: number
  description: string
  up(db: Connection): void
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** Runs the steps after `from` up to `to` (default: the latest), each with its version bump in one transaction. */
export function migrate(db: Connection, from: number, to = SCHEMA_VERSION): void {
  for (const step of MIGRATIONS) {
    if (step.version <= from || step.version > to) continue
    db.transaction(() => {
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    }).immediate()
  }
}
