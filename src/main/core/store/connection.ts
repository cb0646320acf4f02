/**
 * The SQLite connection type the store is written against. Only `store/` (and the search
 * index's own persistence) holds one; everything else goes through the repositories.
 */
import type Database from 'better-sqlite3'

export type Connection = Database.Database
export type Statement = Database.Statement
