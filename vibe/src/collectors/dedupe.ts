/** Remembers the ids already collected (bounded: the oldest are forgotten first). */
export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  /** True the first time an id is offered, false after. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
