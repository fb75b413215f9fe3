import type { Expr, KeyRef, PathSegment, Side } from "./ast";
import { FUNCTION_NAMES, FUNCTIONS } from "./functions";
import { isKeyName } from "./keys";
import type { Token } from "./lexer";
import { isKeywordToken, MAX_DEPTH, ParserBase } from "./parser-base";
import { EXPECT } from "./syntax-error";

export type ParseMode = "filter" | "join";

/** Where a condition is certain (WHERE, around AND/OR/XOR/NOT), a bare number or string cannot stand alone. */
export type Context = "condition" | "any";

/**
 * Operands: literals, keys with paths, function calls and parenthesised expressions; and the bound on nesting,
 * kept both on the parser's recursion and on the depth of the tree it builds (so no later walk over the tree can
 * overflow the stack).
 */
export abstract class OperandParser extends ParserBase {
  private recursion = 0;
  private readonly depths = new WeakMap<Expr, number>();
  /** Operands written in parentheses: `(x) AND …` is left to the type checker, whatever x is. */
  protected readonly parenthesized = new WeakSet<Expr>();
  mode: ParseMode = "filter";

  abstract parseExpression(context: Context): Expr;

  private depthOf(e: Expr): number {
    return this.depths.get(e) ?? 1;
  }

  protected made<T extends Expr>(node: T, children: Expr[], at: Token): T {
    const depth = 1 + Math.max(0, ...children.map((c) => this.depthOf(c)));
    if (depth > MAX_DEPTH) this.tooDeep(at);
    this.depths.set(node, depth);
    return node;
  }

  private tooDeep(at: Token): never {
    return this.failAt(
      at,
      `the query is nested more than ${MAX_DEPTH} levels deep`,
      [],
      "split it into fewer parentheses, NOT or operator levels",
    );
  }

  protected enter(at: Token): void {
    if (++this.recursion > MAX_DEPTH) this.tooDeep(at);
  }

  protected leave(): void {
    this.recursion--;
  }

  protected parsePrimary(): Expr {
    const t = this.peek();
    if (t.kind === "number") {
      this.take();
      const value = Number(t.text);
      if (!Number.isFinite(value)) this.failAt(t, `the number ${t.text} is too large for a 64-bit float`);
      return { kind: "number", value, span: this.span(t.start) };
    }
    if (t.kind === "string") {
      this.take();
      return { kind: "string", value: t.value, span: this.span(t.start) };
    }
    if (t.kind === "punct" && t.text === "(") {
      this.take();
      this.enter(t);
      const inner = this.parseExpression("any");
      this.leave();
      this.expectPunct(")", EXPECT.closeParen);
      this.parenthesized.add(inner);
      return inner;
    }
    if (isKeywordToken(t, "TRUE") || isKeywordToken(t, "FALSE")) {
      this.take();
      return { kind: "boolean", value: t.text.toUpperCase() === "TRUE", span: this.span(t.start) };
    }
    if (t.kind === "word" && !isKeywordToken(t)) {
      this.take();
      if (this.peek().kind === "punct" && this.peek().text === "(") return this.parseCall(t);
      return this.parseKey(t);
    }
    return this.fail(EXPECT.operand);
  }

  private parseCall(nameToken: Token): Expr {
    const name = nameToken.text.toLowerCase();
    if (!FUNCTIONS.has(name)) {
      this.failAt(nameToken, `unknown function '${nameToken.text}': the functions are ${FUNCTION_NAMES.join(", ")}`, [
        ...FUNCTION_NAMES,
      ]);
    }
    const open = this.take();
    this.enter(open);
    const args: Expr[] = [];
    if (!this.atPunct(")", EXPECT.closeParen)) {
      for (;;) {
        args.push(this.parseExpression("any"));
        if (!this.atPunct(",", EXPECT.comma)) break;
        this.take();
      }
    }
    this.expectPunct(")", EXPECT.closeParen);
    this.leave();
    return this.made({ kind: "call", name, args, span: this.span(nameToken.start) }, args, open);
  }

  private parseKey(first: Token): KeyRef {
    let side: Side = null;
    let key: string | null = first.text;
    if (this.mode === "join") {
      if (first.text !== "left" && first.text !== "right") {
        const note = isKeyName(first.text)
          ? `a join compares two records: write left.${first.text} or right.${first.text}`
          : "a join expression reads left.… and right.…";
        this.failAt(first, `expected a key (left.… or right.…) but found '${first.text}'`, [EXPECT.key], note);
      }
      side = first.text;
      key = null;
      if (!this.atPunct(".", EXPECT.dot)) {
        // A whole record, as timediff takes it: no path.
        return { kind: "key", side, key, path: [], span: this.span(first.start) };
      }
      this.take();
      key = this.fieldName();
    }
    return { kind: "key", side, key, path: this.parsePath(), span: this.span(first.start) };
  }

  private fieldName(): string {
    const t = this.peek();
    if (t.kind !== "word") this.fail(EXPECT.field);
    return this.take().text;
  }

  private parsePath(): PathSegment[] {
    const path: PathSegment[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === "punct" && t.text === ".") {
        this.take();
        path.push(this.fieldName());
      } else if (t.kind === "punct" && t.text === "[") {
        this.take();
        const inside = this.peek();
        if (inside.kind === "string") path.push(inside.value);
        else if (inside.kind === "number" && /^[0-9]+$/.test(inside.text) && Number.isSafeInteger(Number(inside.text)))
          path.push(Number(inside.text));
        else this.fail(EXPECT.index);
        this.take();
        this.expectPunct("]", EXPECT.closeBracket);
      } else {
        return path;
      }
    }
  }
}
