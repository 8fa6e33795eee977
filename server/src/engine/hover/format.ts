/** Small markdown helpers shared by the hover providers. */

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

export function link(label: string, url: string): string {
  return `[${label}](${url})`;
}

/** `a, b, c, … 12 more` with each item as code. */
export function codeList(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).map(code).join(', ');
  return items.length > max ? `${shown}, … ${items.length - max} more` : shown;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** Joins blocks (title, paragraphs, lists) with blank lines, dropping empty ones. */
export function blocks(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
