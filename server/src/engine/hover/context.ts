import type { PolicyLocation } from '../locate';

/** What every hover provider gets: the location plus the document text and the cursor. */
export interface HoverContext {
  text: string;
  offset: number;
  loc: PolicyLocation;
}

/** Markdown, with a narrower range than the whole token when the hover is about a part of it. */
export interface HoverContent {
  markdown: string;
  range?: { offset: number; length: number };
}

export type HoverProvider = (ctx: HoverContext) => HoverContent | string | undefined;

/** The element the location is in: `Action`, `Condition`, `Version`... */
export function elementOf(ctx: HoverContext): string | undefined {
  const first = ctx.loc.path[0];
  return typeof first === 'string' ? first : undefined;
}

export function stringValue(ctx: HoverContext): string | undefined {
  return ctx.loc.node.type === 'string' && !ctx.loc.isKey ? (ctx.loc.node.value as string) : undefined;
}
