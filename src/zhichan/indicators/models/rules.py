"""Validation rules across data elements (DHIS2's validation rules): left operator right, each side a formula over
the figures of one region and period, e.g. 其中按期结案数 ≤ 知识产权行政执法案件结案数."""

import operator
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from ..formulas import FormulaError, check, evaluate
from .elements import DataElement

OPERATORS = {
    "<=": (operator.le, "≤"),
    "<": (operator.lt, "<"),
    ">=": (operator.ge, "≥"),
    ">": (operator.gt, ">"),
    "==": (operator.eq, "="),
}


class Operator(models.TextChoices):
    LE = "<=", "≤"
    LT = "<", "<"
    GE = ">=", "≥"
    GT = ">", ">"
    EQ = "==", "="


@dataclass(frozen=True)
class Violation:
    rule: "ValidationRule"
    left: Decimal
    right: Decimal
    figures: list  # (data element, value) for every figure the rule reads


class ValidationRule(models.Model):
    """A check between figures of the same region and period, made on entry and on every write of a value.

    The rule is skipped while a figure it reads has not been reported (DHIS2's default), and when a side divides
    by zero.
    """

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    left = models.CharField(_("left side"), max_length=500)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("right side"), max_length=500)
    message = models.CharField(_("message (Chinese)"), max_length=300)
    message_en = models.CharField(_("message (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The indicators file that defined it: another programme's file may use the code only with the same definition.
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        known = {element.variable for element in DataElement.objects.all()}
        for side in ("left", "right"):
            try:
                unknown = sorted(check(getattr(self, side)) - known)
            except FormulaError as error:
                raise ValidationError({side: str(error)}) from None
            if unknown:
                raise ValidationError({side: _("“%(name)s” is no data element.") % {"name": unknown[0]}})

    @property
    def names(self) -> set[str]:
        """The data-element variables the rule reads."""
        return check(self.left) | check(self.right)

    @property
    def text(self) -> str:
        """The message in the reader's language: Chinese unless English is chosen and given."""
        if self.message_en and (get_language() or "").startswith("en"):
            return self.message_en
        return self.message

    @property
    def symbol(self) -> str:
        return OPERATORS[self.operator][1]

    def readable(self, elements: dict) -> str:
        """The rule with the data elements' names in place of their variables."""

        def name(match):
            return elements[match[0]].name if match[0] in elements else match[0]

        def side(formula):
            return re.sub(r"[A-Za-z_][A-Za-z0-9_]*", name, formula)

        return f"{side(self.left)} {self.symbol} {side(self.right)}"

    def violation(self, values: dict, elements: dict) -> Violation | None:
        """The violation among variable → value figures, or None when the rule holds or cannot be checked."""
        names = self.names
        if not names <= values.keys():
            return None
        try:
            left, right = evaluate(self.left, values), evaluate(self.right, values)
        except (ZeroDivisionError, FormulaError, ArithmeticError):
            return None
        if OPERATORS[self.operator][0](left, right):
            return None
        figures = [(elements[name], values[name]) for name in sorted(names, key=lambda n: elements[n].order)]
        return Violation(self, left, right, figures)
