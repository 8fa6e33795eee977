/**
 * Expands a VS Code snippet body to the text VS Code inserts when the user accepts every default.
 * Pure (no vscode import): shared by the client's snippet picker and the tests.
 *
 * Grammar handled (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
 * - `$1`, `${1}`: a tab stop; expands to the first default given for the same number elsewhere, or ''.
 * - `${1:default}`: a placeholder; the default may itself contain placeholders (nested).
 * - `${1|one,two|}`: a choice; expands to the first option.
 * - `$0` / `${0}`: the final cursor position; removed.
 * - `$NAME`, `${NAME}`, `${NAME:default}`, `${NAME/regex/format/options}`: variables; expand to their
 *   default, or '' (the editor state the real values come from does not exist here).
 * - `\$`, `\}`, `\\` are escapes (in choices also `\,` and `\|`); any other backslash is literal.
 * - A `$` that starts none of the above is literal text, as in VS Code.
 */

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: Node[]; choice?: string[] }
  | { type: 'variable'; name: string; children?: Node[] };

/** Joins `lines` with '\n' and expands the snippet syntax (see the module comment). */
export function expandSnippetBody(lines: readonly string[] | string): string {
  const source = typeof lines === 'string' ? lines : lines.join('\n');
  const nodes = new Parser(source).parseAll();
  const defaults = new Map<number, Node[]>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults, new Set());
}

function collectDefaults(nodes: Node[], defaults: Map<number, Node[]>): void {
  for (const node of nodes) {
    if (node.type === 'tabstop') {
      if (!defaults.has(node.index)) {
        if (node.choice) defaults.set(node.index, [{ type: 'text', value: node.choice[0] ?? '' }]);
        else if (node.children) defaults.set(node.index, node.children);
      }
      if (node.children) collectDefaults(node.children, defaults);
    } else if (node.type === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

function render(nodes: Node[], defaults: Map<number, Node[]>, expanding: Set<number>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.value;
    } else if (node.type === 'variable') {
      out += node.children ? render(node.children, defaults, expanding) : '';
    } else if (node.choice) {
      out += node.choice[0] ?? '';
    } else if (node.children) {
      out += render(node.children, defaults, expanding);
    } else if (node.index !== 0 && !expanding.has(node.index)) {
      // A bare `$n` mirrors the default of `${n:...}` given elsewhere; guard against `${1:$1}` cycles.
      const mirrored = defaults.get(node.index);
      if (mirrored) {
        expanding.add(node.index);
        out += render(mirrored, defaults, expanding);
        expanding.delete(node.index);
      }
    }
  }
  return out;
}

const DIGITS = /\d+/y;
const NAME = /[_a-zA-Z][_a-zA-Z0-9]*/y;

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseAll(): Node[] {
    return this.parseUntil(() => false);
  }

  /** Parses nodes until `stop()` is true at the current position (not consumed) or the end. */
  private parseUntil(stop: () => boolean, escapable = '$}\\'): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length && !stop()) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length && escapable.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === '$') {
        const node = this.tryParseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** At a `$`: parses a tab stop, placeholder, choice or variable; restores the position and returns undefined if none. */
  private tryParseDollar(): Node | undefined {
    const start = this.pos;
    this.pos++; // '$'
    const digits = this.match(DIGITS);
    if (digits !== undefined) return { type: 'tabstop', index: Number(digits) };
    const name = this.match(NAME);
    if (name !== undefined) return { type: 'variable', name };
    if (this.src[this.pos] !== '{') {
      this.pos = start;
      return undefined;
    }
    this.pos++; // '{'
    const node = this.parseBraced();
    if (!node) this.pos = start;
    return node;
  }

  /** At the `:` of `${1:default}` or `${NAME:default}`: the default, through the closing `}` (undefined if unclosed). */
  private parseDefault(): Node[] | undefined {
    this.pos++;
    const children = this.parseUntil(() => this.src[this.pos] === '}');
    if (this.src[this.pos] !== '}') return undefined;
    this.pos++;
    return children;
  }

  /** After `${`. */
  private parseBraced(): Node | undefined {
    const digits = this.match(DIGITS);
    if (digits !== undefined) {
      const index = Number(digits);
      const next = this.src[this.pos];
      if (next === '}') {
        this.pos++;
        return { type: 'tabstop', index };
      }
      if (next === ':') {
        const children = this.parseDefault();
        return children ? { type: 'tabstop', index, children } : undefined;
      }
      if (next === '|') {
        this.pos++;
        const choice = this.parseChoice();
        return choice ? { type: 'tabstop', index, choice } : undefined;
      }
      return undefined;
    }
    const name = this.match(NAME);
    if (name === undefined) return undefined;
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return { type: 'variable', name };
    }
    if (next === ':') {
      const children = this.parseDefault();
      return children ? { type: 'variable', name, children } : undefined;
    }
    if (next === '/') {
      // ${NAME/regex/format/options}: the transformed value of an unknown variable is ''.
      this.pos++;
      for (let slashes = 0; slashes < 2; slashes++) {
        if (!this.skipPast('/')) return undefined;
      }
      if (!this.skipPast('}')) return undefined;
      return { type: 'variable', name };
    }
    return undefined;
  }

  /** After `${n|`: options separated by ',' up to '|}'. */
  private parseChoice(): string[] | undefined {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length && ',|\\$}'.includes(this.src[this.pos + 1])) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos++;
      }
    }
    return undefined;
  }

  /** Moves past the next unescaped `char`; false at the end of the text. */
  private skipPast(char: string): boolean {
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (ch === char) return true;
    }
    return false;
  }

  /** `pattern` is sticky (flag y): it matches at the current position only. */
  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.src);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }
}
