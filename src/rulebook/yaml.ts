/** YAML with positions: every later error can name file:line:column. Pure. */
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { RulebookError } from './errors.js';

export type Path = (string | number)[];

/** Rule and config files are small; a 10 MB one is a mistake or an attack, refused before parsing. */
export const MAX_YAML_SIZE = 1024 * 1024;
/**
 * Values that aliases (`*name`) may add in all, counted as the nodes they copy:
 * within the alias count, one big list aliased 98 times made a 550 KB config
 * take 70 s.
 */
export const MAX_ALIAS_VALUES = 10_000;

export class YamlFile {
  readonly data: unknown;
  private readonly lc = new LineCounter();
  private readonly doc: Document;

  constructor(
    text: string,
    readonly file: string,
  ) {
    if (text.length > MAX_YAML_SIZE) throw new RulebookError(file, 1, 1, `too large (${(text.length / 1048576).toFixed(1)} MB): rule and config files are at most ${MAX_YAML_SIZE / 1048576} MB`);
    this.doc = parseDocument(text, { lineCounter: this.lc, uniqueKeys: true, prettyErrors: false, strict: true });
    if (this.doc.errors.length) {
      const err = this.doc.errors[0];
      const pos = this.lc.linePos(err.pos[0]);
      throw new RulebookError(file, pos.line, pos.col, `invalid YAML: ${err.message.split('\n')[0]}`);
    }
    this.checkAliases();
    try {
      // Refuses "billion laughs": at most 100 alias expansions.
      this.data = this.doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      throw new RulebookError(file, 1, 1, `invalid YAML: ${(e as Error).message}`);
    }
  }

  /** Refuse aliases that together copy more than MAX_ALIAS_VALUES nodes (before anything is copied). */
  private checkAliases(): void {
    const sizes = new Map<unknown, number>();
    let added = 0;
    const size = (node: unknown): number => {
      if (isAlias(node)) {
        const target = node.resolve(this.doc);
        const n = target ? size(target) : 1;
        added += n;
        if (added > MAX_ALIAS_VALUES) {
          const { line, col } = this.lc.linePos(node.range?.[0] ?? 0);
          throw new RulebookError(this.file, line, col, `invalid YAML: aliases copy more than ${MAX_ALIAS_VALUES.toLocaleString('en')} values in all: write the values out, or use fewer aliases`);
        }
        return n;
      }
      if (isPair(node)) return size(node.key) + size(node.value);
      if (!isCollection(node)) return 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      sizes.set(node, Infinity); // an alias inside the node it names
      let n = 1;
      for (const item of node.items) n += size(item);
      sizes.set(node, n);
      return n;
    };
    size(this.doc.contents);
  }

  private node(path: Path): Node | undefined {
    return this.doc.getIn(path, true) as Node | undefined;
  }

  private keyNode(path: Path, key: string): Node | undefined {
    const parent = path.length ? this.node(path) : (this.doc.contents as Node | null);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    return pair?.key as Node | undefined;
  }

  /** Line and column of the value at `path` (or of its key, or of the nearest enclosing node). */
  position(path: Path, preferKey = false): { line: number; column: number } {
    let node: Node | undefined;
    for (let p = path; p.length && !node; p = p.slice(0, -1)) {
      const key = String(p[p.length - 1]);
      node = preferKey && p === path ? (this.keyNode(p.slice(0, -1), key) ?? this.node(p)) : (this.node(p) ?? this.keyNode(p.slice(0, -1), key));
    }
    node ??= (this.doc.contents as Node | null) ?? undefined;
    const { line, col } = this.lc.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  }

  fail(path: Path, reason: string, preferKey = false): never {
    const { line, column } = this.position(path, preferKey);
    throw new RulebookError(this.file, line, column, reason);
  }
}

export function pathName(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}
