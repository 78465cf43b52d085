"""Indicator formulas: arithmetic over metric and data-element names, evaluated with simpleeval, never eval.

A formula may use numbers, names, + - * / ( ) and the functions min and max; anything else (attributes,
subscripts, other calls, strings, comparisons) is refused before evaluation, so a formula in a data file can
compute and do nothing else. Numbers are evaluated as Decimal, so 0.5 and 10000 behave exactly.
"""

import ast
import threading
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext as _
from simpleeval import SimpleEval

FUNCTIONS = {"min": min, "max": max}
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd)


class FormulaError(ValueError):
    pass


def _parse(formula: str) -> ast.Expression:
    try:
        return ast.parse(formula.strip(), mode="eval")
    except SyntaxError:
        raise FormulaError(_("“%(formula)s” is not a formula.") % {"formula": formula}) from None


def check(formula: str) -> set[str]:
    """The names a formula reads; FormulaError when it uses anything but arithmetic on names and numbers."""
    tree = _parse(formula)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if node.id not in FUNCTIONS:
                names.add(node.id)
        elif isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS) or node.keywords:
                raise FormulaError(_("Only min(…) and max(…) may be called in a formula."))
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise FormulaError(_("A formula holds numbers only."))
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Load, *_OPERATORS)):
            raise FormulaError(_("“%(part)s” is not allowed in a formula.") % {"part": type(node).__name__})
    return names


class _DecimalEval(SimpleEval):
    @staticmethod
    def _eval_constant(node):
        return Decimal(str(node.value))


@lru_cache(maxsize=512)
def _checked(formula: str):
    """(the parsed formula, checked once: a compute evaluates each formula for every region and period; the name
    it consists of, when it is a name alone)."""
    check(formula)
    parsed = _DecimalEval.parse(formula)
    bare = parsed.value.id if isinstance(parsed, ast.Expr) and isinstance(parsed.value, ast.Name) else None
    return parsed, bare


_local = threading.local()


def evaluate(formula: str, values: dict) -> Decimal:
    """Evaluate a checked formula with the given name → number values."""
    parsed, bare = _checked(formula)
    if bare is not None and bare in values:  # most numerators are one figure: nothing to evaluate
        value = values[bare]
        return value if isinstance(value, Decimal) else Decimal(str(value))
    names = {name: value if isinstance(value, Decimal) else Decimal(str(value)) for name, value in values.items()}
    # One evaluator per thread: making one costs more than evaluating a formula, and a compute evaluates thousands.
    evaluator = getattr(_local, "evaluator", None)
    if evaluator is None:
        evaluator = _local.evaluator = _DecimalEval(functions=FUNCTIONS)
    evaluator.names = names
    try:
        return Decimal(evaluator.eval(formula, previously_parsed=parsed))
    except ZeroDivisionError:
        raise
    except Exception as error:  # an unknown name, mostly
        raise FormulaError(str(error)) from None


SPOKEN_OPERATORS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}


def spoken(formula: str, labels: dict, group=lambda text: f"({text})") -> str:
    """A formula as a reader says it: each name by its label (`labels`: name → display name), × and ÷ for * and /,
    numbers with thousands separators; parentheses only where the order needs them, written by `group` (a
    Chinese text puts them full-width)."""
    try:
        tree = _parse(formula).body
    except FormulaError:
        return formula

    def say(node, outer: int = 0, right: bool = False) -> str:
        if isinstance(node, ast.Name):
            return str(labels.get(node.id, node.id))
        if isinstance(node, ast.Constant):
            return f"{node.value:,}"
        if isinstance(node, ast.UnaryOp):
            return ("−" if isinstance(node.op, ast.USub) else "") + say(node.operand, 3)
        if isinstance(node, ast.Call):
            return f"{node.func.id}({', '.join(say(arg) for arg in node.args)})"
        if isinstance(node, ast.BinOp):
            level = _PRECEDENCE[type(node.op)]
            text = f"{say(node.left, level)} {SPOKEN_OPERATORS[type(node.op)]} {say(node.right, level, right=True)}"
            # a − (b + c) and a ÷ (b × c) keep their parentheses; a + b × c needs none
            needs = level < outer or (right and level == outer)
            return group(text) if needs else text
        return ast.unparse(node)

    return say(tree)
