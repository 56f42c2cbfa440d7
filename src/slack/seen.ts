/** A bounded set of keys, oldest forgotten first: remembers recent messages and threads without growing forever. */
export class SeenSet {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Adds a key; false when it was already there (the caller has seen it before). */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value!);
    return true;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }
}
