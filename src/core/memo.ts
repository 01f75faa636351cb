/**
 * A memo of a pure function of its key (a phrase, a list of phrases), bounded:
 * when full it starts again, so that a process that compiles rulebook after
 * rulebook (a language server reloading its config) does not grow without end.
 * What it holds is recomputed on demand, never state a result depends on.
 */
export class Memo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, compute: () => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = compute();
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }

  entries(): [string, V][] {
    return [...this.map];
  }
}
