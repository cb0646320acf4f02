/** A typed event hub: the core emits contract events; each transport forwards them. */
import type { EventPayload } from '../../shared/contract'
import type { EventName } from '../../shared/methods'

export type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export class EventHub {
  private readonly listeners = new Set<Listener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload)
      } catch {
        // A broken subscriber (e.g. a closed connection) must not break the core or the others.
      }
    }
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
