import type { Expr } from "./ast";
import { ExpressionParser } from "./expression-parser";
import { Lexer } from "./lexer";
import { checkLength } from "./parse-query";
import { LineIndex } from "./position";

function parseJoin(text: string, context: "condition" | "any"): Expr {
  checkLength(text);
  const parser = new (class extends ExpressionParser {
    run(): Expr {
      this.mode = "join";
      const expr = this.parseExpression(context);
      this.expectEnd();
      return expr;
    }
  })(new Lexer(text), new LineIndex(text));
  return parser.run();
}

/**
 * Parses the value expression of a join's output, over the records `left` and `right` (`left.result`,
 * `haversine(left.result, …)`, `timediff(left, right)`). A bare key such as `result` is an error naming
 * `left.result` and `right.result`.
 */
export function parseJoinExpression(text: string): Expr {
  return parseJoin(text, "any");
}

/** Parses a join's WHERE condition on the pair `left`, `right`; like parseJoinExpression, but a condition. */
export function parseJoinCondition(text: string): Expr {
  return parseJoin(text, "condition");
}
