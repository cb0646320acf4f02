/** User preferences, stored as JSON values by key; what they mean is the preferences service's business. */
import type { Connection } from './connection'

export class PreferenceStore {
  constructor(private readonly db: Connection) {}

  /** Every stored value, still JSON text. */
  entries(): { key: string; value: string }[] {
    return this.db.prepare('SELECT key, value FROM preferences').all() as { key: string; value: string }[]
  }

  /** Stores the defined values (as JSON) in one transaction. */
  set(values: Record<string, unknown>): void {
    const stmt = this.db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) if (value !== undefined) stmt.run(key, JSON.stringify(value))
    })()
  }
}
