// Writes tests/fixtures/libraries/vN/library.sqlite: a small library as Parallax left it at each
// released schema version N, made by the migration steps 1..N themselves (so each file is a real
// old-version library) with data written the way that version wrote it, version by version.
// Run: node scripts/make-library-fixtures.mjs   (tests/unit/migrations.test.ts opens and migrates them)
import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { runnerImport } from 'vite'

const require = createRequire(import.meta.url)
const Database = require('better-sqlite3')
const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'tests/fixtures/libraries')
const APPLICATION_ID = 0x50524c58
const { module: migrations } = await runnerImport(join(ROOT, 'src/main/core/store/migrations/index.ts'))

const T = '2025-03-01T10:00:00.000Z'
const TEXT_A = 'Council approves the new bridge.\n\nThe council voted 7 to 2 on Tuesday to approve the bridge, Mayor Ana Lopez said.'
const TEXT_B = 'Council backs new bridge.\n\nThe council voted 7 to 2 on Tuesday to approve the bridge, Mayor Ana Lopez said on Wednesday.'
const TEXT_D = 'Ferry timetable changes.\n\nThe morning ferry leaves at seven from Monday.'
const TEXT_C = 'Rain expected all week.\n\nForecasters expect rain in the valley until Sunday.'

/** What each version added, written as that version's Parallax wrote it (later columns left to later seeds). */
const SEEDS = {
  1: (db) => {
    const ins = db.prepare(`INSERT INTO articles (id, title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, 'txt', ?, '[]', ?)`)
    ins.run(1, 'Council approves the new bridge', 'Jane Doe', 'Daily Planet', '2025-03-01', 'https://example.com/a', TEXT_A, 20, 'a.txt', 'hash-a', T)
    ins.run(2, 'Council backs new bridge', null, 'Evening Post', '2025-03-02', null, TEXT_B, 22, 'b.txt', 'hash-b', T)
  },
  2: (db) => {
    db.prepare('INSERT INTO article_signatures (article_id, sig) VALUES (?, ?)').run(1, Buffer.alloc(16, 1))
    db.prepare('INSERT INTO article_signatures (article_id, sig) VALUES (?, ?)').run(2, Buffer.alloc(16, 1))
    db.prepare('INSERT INTO article_bands (band, hash, article_id) VALUES (0, 42, 1), (0, 42, 2)').run()
    db.prepare("INSERT INTO article_links (a, b, kind, similarity) VALUES (1, 2, 'near-duplicate', 0.9)").run()
  },
  3: (db) => {
    // From version 3 on an article is stored together with its pending search row.
    db.prepare(`INSERT INTO articles (id, title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (3, 'Rain expected all week', null, 'Valley News', '2025-03-03', null, 'en', ?, 9, 'c.md', 'md', 'hash-c', '["no date line"]', ?)`).run(TEXT_C, T)
    db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (3, NULL)').run()
  },
  4: (db) => db.prepare('UPDATE articles SET entities = ? WHERE id = 1').run(JSON.stringify({ v: 2, list: [{ kind: 'person', text: 'Ana Lopez', key: 'person:ana lopez' }] })),
  5: (db) => db.prepare("INSERT INTO comparisons (id, title, article_ids, notes, created_at, updated_at) VALUES (1, 'Bridge vote', '[1,2]', 'Same wire copy?', ?, ?)").run(T, T),
  6: (db) => {
    const start = TEXT_A.indexOf('voted 7 to 2')
    db.prepare(`INSERT INTO notes (id, article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at)
      VALUES (1, 1, 'voted 7 to 2', ?, ?, ?, ?, 'yellow', 'Check the count', ?, ?)`).run(TEXT_A.slice(start - 12, start), TEXT_A.slice(start + 12, start + 24), start, start + 12, T, T)
    db.prepare('UPDATE search_docs SET segment_id = NULL WHERE article_id = 1').run()
  },
  7: (db) => {
    db.prepare("INSERT INTO article_tags (article_id, tag) VALUES (1, 'transport'), (2, 'transport'), (3, 'weather')").run()
    db.prepare("INSERT INTO collections (id, name, created_at) VALUES (1, 'Bridge story', ?)").run(T)
    db.prepare('INSERT INTO collection_articles (collection_id, article_id) VALUES (1, 1), (1, 2)').run()
  },
  8: (db) => db.prepare("INSERT INTO preferences (key, value) VALUES ('theme', '\"dark\"')").run(),
  // Article 1 was imported first under another headline: that is its version 1.
  10: (db) => db.prepare(`INSERT INTO article_versions (article_id, number, title, text, word_count, content_hash, published_at, source_name, imported_at)
    VALUES (1, 1, 'Council to vote on the bridge', ?, 20, 'hash-a', '2025-03-01', 'a-first.txt', '2025-02-28T09:00:00.000Z')`).run(TEXT_A),
  // Version 11 keeps stories: the two bridge articles link to each other, every article linked.
  11: (db) => {
    db.prepare('INSERT INTO story_links (source, target) VALUES (1, 2), (2, 1)').run()
    db.prepare('INSERT INTO story_members (article_id, story) VALUES (1, 1), (2, 1)').run()
    db.prepare('DELETE FROM story_pending').run()
  },
  13: (db) => {
    // A scan read by OCR, with the recogniser's mean confidence.
    db.prepare(`INSERT INTO articles (id, title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, warnings, imported_at, ocr_confidence)
      VALUES (4, 'Ferry timetable changes', null, null, null, null, 'en', ?, 8, 'clipping.png', 'image', 'hash-d', '[]', ?, 87.5)`).run(TEXT_D, T)
    db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (4, NULL)').run()
  }
}

rmSync(OUT, { recursive: true, force: true })
const work = join(OUT, '.work.sqlite')
mkdirSync(OUT, { recursive: true })
const db = new Database(work)
db.pragma('foreign_keys = ON')
db.pragma(`application_id = ${APPLICATION_ID}`)
for (const step of migrations.MIGRATIONS) {
  // As an upgrade did it: the step (with its data changes), then what that version wrote.
  migrations.migrate(db, step.version - 1, step.version)
  db.transaction(() => SEEDS[step.version]?.(db))()
  const dir = join(OUT, `v${step.version}`)
  mkdirSync(dir, { recursive: true })
  db.prepare('VACUUM INTO ?').run(join(dir, 'library.sqlite'))
  console.log(`v${step.version}: ${step.description}`)
}
db.close()
rmSync(work)
