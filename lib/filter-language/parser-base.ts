import type { Span } from "./ast";
import { describeToken, type Lexer, type Token } from "./lexer";
import type { LineIndex } from "./position";
import { EXPECT, FilterSyntaxError } from "./syntax-error";

export const KEYWORDS = new Set(["SELECT", "FROM", "WHERE", "AND", "OR", "XOR", "NOT", "TRUE", "FALSE"]);

/** Deepest syntax tree (and parser recursion) accepted, so no later walk over the tree can overflow the stack. */
export const MAX_DEPTH = 200;
/** Longest query text accepted, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 64 * 1024;

export function isKeywordToken(token: Token, keyword?: string): boolean {
  if (token.kind !== "word") return false;
  const upper = token.text.toUpperCase();
  return keyword === undefined ? KEYWORDS.has(upper) : upper === keyword;
}

function hintFor(token: Token): string | undefined {
  if (token.text === "!=") return "use <> for 'not equal'";
  if (token.text === '"') return "strings are written in single quotes: 'text'";
  return undefined;
}

/**
 * Token handling shared by the parsers: one token of look-ahead, and the set of what would have been valid at the
 * next token, collected as alternatives are tried, so an error can say exactly what was expected there.
 */
export class ParserBase {
  private expectedAt = -1;
  private readonly expected = new Set<string>();
  protected lastEnd = 0;

  constructor(
    protected readonly lexer: Lexer,
    protected readonly lines: LineIndex,
  ) {}

  protected get text(): string {
    return this.lexer.text;
  }

  protected peek(source = false): Token {
    return this.lexer.peek(source);
  }

  protected take(source = false): Token {
    const token = this.lexer.next(source);
    this.lastEnd = token.end;
    return token;
  }

  /** Records that `label` would have been valid at the next token. */
  protected noteExpected(label: string, source = false): void {
    const at = this.peek(source).start;
    if (at !== this.expectedAt) {
      this.expectedAt = at;
      this.expected.clear();
    }
    this.expected.add(label);
  }

  protected atPunct(text: string, label: string): boolean {
    const t = this.peek();
    if (t.kind === "punct" && t.text === text) return true;
    this.noteExpected(label);
    return false;
  }

  protected atKeyword(keyword: string, label: string = keyword): boolean {
    if (isKeywordToken(this.peek(), keyword)) return true;
    this.noteExpected(label);
    return false;
  }

  protected expectPunct(text: string, label: string): Token {
    if (!this.atPunct(text, label)) this.fail();
    return this.take();
  }

  protected expectKeyword(keyword: string): Token {
    if (!this.atKeyword(keyword)) this.fail();
    return this.take();
  }

  /** Throws at the next token with everything noted as expected there (plus `label`). */
  protected fail(label?: string, note?: string, source = false): never {
    if (label) this.noteExpected(label, source);
    const token = this.peek(source);
    throw new FilterSyntaxError({
      text: this.text,
      position: token.start,
      expected: token.start === this.expectedAt ? this.expected : [],
      found: describeToken(token),
      note: note ?? hintFor(token),
    });
  }

  protected failAt(token: Token, problem: string, expected: string[] = [], note?: string): never {
    throw new FilterSyntaxError({
      text: this.text,
      position: token.start,
      expected,
      found: describeToken(token),
      problem,
      note,
    });
  }

  protected span(start: number, end = this.lastEnd): Span {
    const { line, column } = this.lines.at(start);
    return { start, end, line, column };
  }

  protected expectEnd(): void {
    if (this.peek().kind !== "eof") this.fail(EXPECT.end);
  }
}
