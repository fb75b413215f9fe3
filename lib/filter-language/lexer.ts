import { EXPECT, FilterSyntaxError } from "./syntax-error";

// Tokens are read on demand, one ahead, because the FROM clause has its own lexical rules: a system name such as
// `cz.icecars.iot4cps-wp5-CarFleet.Car1` is one token there, while in WHERE the same characters are arithmetic.

export type TokenKind = "word" | "number" | "string" | "punct" | "source" | "invalid" | "eof";

export interface Token {
  kind: TokenKind;
  /** As written (a string token with its quotes). */
  text: string;
  /** The unescaped content of a string token. */
  value: string;
  start: number;
  end: number;
}

const TWO_CHAR = new Set(["<=", ">=", "<>"]);
const ONE_CHAR = new Set(["=", "<", ">", "+", "-", "*", "/", "^", "%", "(", ")", ",", ".", "[", "]", ";"]);
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SOURCE = /[A-Za-z0-9*_.-]+/y;
const SPACE = /\s+/y;

export class Lexer {
  private pos = 0;
  private ahead: { token: Token; source: boolean } | undefined;

  constructor(readonly text: string) {}

  /** The next token without consuming it; `source` reads it by the rules of a FROM entry. */
  peek(source = false): Token {
    if (this.ahead && this.ahead.source === source) return this.ahead.token;
    const start = this.ahead ? this.ahead.token.start : this.pos;
    const token = this.read(start, source);
    this.ahead = { token, source };
    return token;
  }

  next(source = false): Token {
    const token = this.peek(source);
    this.ahead = undefined;
    this.pos = token.end;
    return token;
  }

  private read(from: number, source: boolean): Token {
    const text = this.text;
    SPACE.lastIndex = from;
    const start = SPACE.exec(text) ? SPACE.lastIndex : from;
    const make = (kind: TokenKind, end: number, value = ""): Token => ({
      kind,
      text: text.slice(start, end),
      value,
      start,
      end,
    });
    if (start >= text.length) return make("eof", start);
    const c = text[start] as string;
    if (c === "'") return this.readString(start);
    if (source) {
      SOURCE.lastIndex = start;
      if (SOURCE.exec(text)) return make("source", SOURCE.lastIndex);
    }
    for (const [kind, re] of [
      ["word", WORD],
      ["number", NUMBER],
    ] as const) {
      re.lastIndex = start;
      if (re.exec(text)) return make(kind, re.lastIndex);
    }
    const two = text.slice(start, start + 2);
    if (TWO_CHAR.has(two)) return make("punct", start + 2);
    if (ONE_CHAR.has(c)) return make("punct", start + 1);
    if (two === "!=") return make("invalid", start + 2);
    const code = text.codePointAt(start) ?? 0;
    return make("invalid", start + (code > 0xffff ? 2 : 1));
  }

  private readString(start: number): Token {
    const text = this.text;
    let value = "";
    let i = start + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close === -1) {
        throw new FilterSyntaxError({
          text,
          position: start,
          expected: [EXPECT.closingQuote],
          found: "end of query",
          problem: "unterminated string: expected the closing quote (') but found end of query",
          note: "write '' for a quote inside a string",
        });
      }
      value += text.slice(i, close);
      if (text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      return { kind: "string", text: text.slice(start, close + 1), value, start, end: close + 1 };
    }
  }
}

/** How a token is named in a message: quoted as written, or "end of query". */
export function describeToken(token: Token): string {
  if (token.kind === "eof") return "end of query";
  const shown = token.text.length > 40 ? `${token.text.slice(0, 37)}…` : token.text;
  return token.kind === "string" ? `the string ${shown}` : `'${shown}'`;
}
