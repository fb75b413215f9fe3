import type { Query, SourcePattern } from "./ast";
import { ExpressionParser } from "./expression-parser";
import { Lexer } from "./lexer";
import { MAX_QUERY_LENGTH } from "./parser-base";
import { LineIndex } from "./position";
import { EXPECT, FilterSyntaxError } from "./syntax-error";
import { systemPatternProblem } from "./system-pattern";

class QueryParser extends ExpressionParser {
  parseQuery(): Query {
    const select = this.expectKeyword("SELECT");
    if (!this.atPunct("*", EXPECT.star)) {
      this.fail(undefined, this.peek().kind === "word" ? "only SELECT * is supported" : undefined);
    }
    const star = this.take();
    const projection = { kind: "all" as const, span: this.span(star.start) };
    this.expectKeyword("FROM");
    const sources = [this.parseSource()];
    while (this.atPunct(",", EXPECT.comma)) {
      this.take();
      sources.push(this.parseSource());
    }
    let where = null;
    if (this.atKeyword("WHERE")) {
      this.take();
      where = this.parseExpression("condition");
    }
    if (this.atPunct(";", EXPECT.semicolon)) this.take();
    this.expectEnd();
    return { kind: "query", projection, sources, where, span: this.span(select.start) };
  }

  private parseSource(): SourcePattern {
    const t = this.peek(true);
    if (t.kind !== "source" && t.kind !== "string") this.fail(EXPECT.source, undefined, true);
    const pattern = t.kind === "string" ? t.value : t.text;
    if (t.kind === "source" && /^(WHERE|SELECT|FROM)$/i.test(pattern)) this.fail(EXPECT.source, undefined, true);
    const problem = systemPatternProblem(pattern);
    if (problem !== null) {
      this.failAt(t, `'${pattern}' is not a system name or pattern: ${problem}`, [EXPECT.source]);
    }
    this.take(true);
    return { kind: "source", pattern, span: this.span(t.start) };
  }
}

export function checkLength(text: string): void {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new FilterSyntaxError({
      text,
      position: MAX_QUERY_LENGTH,
      expected: [EXPECT.end],
      found: "more text",
      problem: `the query is longer than ${MAX_QUERY_LENGTH} characters`,
    });
  }
}

/** Parses a filter query; throws FilterSyntaxError (with position and what was expected) when it does not parse. */
export function parseQuery(text: string): Query {
  checkLength(text);
  return new QueryParser(new Lexer(text), new LineIndex(text)).parseQuery();
}
