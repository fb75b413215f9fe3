import type { Expr } from "./ast";

/** The operands of a node, left to right. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case "call":
      return e.args;
    case "neg":
    case "not":
      return [e.operand];
    case "arith":
    case "compare":
      return [e.left, e.right];
    case "logic":
      return e.operands;
    default:
      return [];
  }
}

/** Every node of a tree, parents before children. */
export function* nodesOf(e: Expr): Generator<Expr> {
  const stack = [e];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    stack.push(...[...childrenOf(node)].reverse());
  }
}
