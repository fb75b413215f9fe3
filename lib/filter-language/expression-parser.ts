import type { ArithmeticOperator, ComparisonOperator, Expr, LogicalOperator } from "./ast";
import { COMPARISON_OPERATORS } from "./ast";
import { type Context, OperandParser } from "./operand-parser";
import { EXPECT } from "./syntax-error";

const BOOLEAN_CAPABLE = new Set<Expr["kind"]>(["key", "call", "boolean", "compare", "logic", "not"]);
const LOGIC_LEVELS: LogicalOperator[] = ["XOR", "OR", "AND"];

/**
 * Recursive descent over one grammar for conditions and values, lowest precedence first:
 * XOR < OR < AND < NOT < comparison < + - < * / % < unary - < ^ (right-associative) < operands.
 */
export class ExpressionParser extends OperandParser {
  parseExpression(context: Context): Expr {
    return this.parseLogic(0, context);
  }

  private parseLogic(level: number, context: Context): Expr {
    const op = LOGIC_LEVELS[level];
    if (op === undefined) return this.parseNot(context);
    const start = this.peek().start;
    const first = this.parseLogic(level + 1, context);
    const operands = [first];
    while (this.atKeyword(op)) {
      this.take();
      operands.push(this.parseLogic(level + 1, "condition"));
    }
    if (operands.length === 1) return first;
    const node: Expr = { kind: "logic", op, operands, span: this.span(start) };
    return this.made(node, operands, this.peek());
  }

  private parseNot(context: Context): Expr {
    const t = this.peek();
    if (!this.atKeyword("NOT", EXPECT.not)) return this.parseComparison(context);
    this.take();
    this.enter(t);
    const operand = this.parseNot("condition");
    this.leave();
    return this.made({ kind: "not", operand, span: this.span(t.start) }, [operand], t);
  }

  private parseComparison(context: Context): Expr {
    const start = this.peek().start;
    const left = this.parseAdditive();
    const t = this.peek();
    const op = COMPARISON_OPERATORS.find((o) => t.kind === "punct" && t.text === o);
    if (op === undefined) {
      this.noteExpected(EXPECT.comparison);
      if (context === "condition" && !BOOLEAN_CAPABLE.has(left.kind) && !this.parenthesized.has(left)) this.fail();
      return left;
    }
    this.take();
    const right = this.parseAdditive();
    const node: Expr = { kind: "compare", op: op as ComparisonOperator, left, right, span: this.span(start) };
    return this.made(node, [left, right], t);
  }

  private parseBinary(ops: readonly ArithmeticOperator[], operand: () => Expr): Expr {
    const start = this.peek().start;
    let left = operand();
    for (;;) {
      const t = this.peek();
      const op = ops.find((o) => t.kind === "punct" && t.text === o);
      if (op === undefined) {
        this.noteExpected(EXPECT.arithmetic);
        return left;
      }
      this.take();
      const right = operand();
      left = this.made({ kind: "arith", op, left, right, span: this.span(start) }, [left, right], t);
    }
  }

  private parseAdditive(): Expr {
    return this.parseBinary(["+", "-"], () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Expr {
    return this.parseBinary(["*", "/", "%"], () => this.parseUnary());
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (!(t.kind === "punct" && t.text === "-")) return this.parsePower();
    this.take();
    this.enter(t);
    const operand = this.parseUnary();
    this.leave();
    return this.made({ kind: "neg", operand, span: this.span(t.start) }, [operand], t);
  }

  private parsePower(): Expr {
    const start = this.peek().start;
    const base = this.parsePrimary();
    const t = this.peek();
    if (!this.atPunct("^", EXPECT.arithmetic)) return base;
    this.take();
    this.enter(t);
    const exponent = this.parseUnary();
    this.leave();
    return this.made(
      { kind: "arith", op: "^", left: base, right: exponent, span: this.span(start) },
      [base, exponent],
      t,
    );
  }
}
