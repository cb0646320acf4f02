import type { Connection } from '../connection'

/** A step that is plain SQL. A step that must transform data in code writes its own `up(db)`. */
export function sqlStep(sql: string): (db: Connection) => void {
  return (db) => db.exec(sql)
}
