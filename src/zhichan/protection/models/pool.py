"""The shared pool (共享案件库, plan 四(四)2): who reads which records there, as scopes of core's one mechanism.

The records keep their own scopes (a case is read and written by its unit; the office and the leadership read every
one). The pool reads them under wider scopes: every member unit's liaison reads the records of its organisation
(and of those below it), a township's liaison the records placed in its township — a case or a mediation in its
township, or in its unit's region when it names none; a complaint in its handling unit's region. What of a record
the pool shows, and to whom, is decided by services/pool.py alone, which never shows personal data to a unit that
does not hold the record.
"""

from django.utils.translation import gettext_lazy as _

from zhichan.core.scoping import Scope

from .cases import Case

# A case, its parties, a mediation and its parties, a request for assistance: placed in the township, or where
# it names none, in its unit's region.
CASES = Scope(region=("township", "unit__region"), organisation="unit__organisation")
CASE_PARTIES = Scope(region=("case__township", "case__unit__region"), organisation="case__unit__organisation")
MEDIATION_PARTIES = Scope(
    region=("mediation__township", "mediation__unit__region"), organisation="mediation__unit__organisation"
)
REQUESTS = Scope(region=("township", "unit__region"), organisation="unit__organisation")
# A complaint names no place: it lies in its handling unit's region.
COMPLAINTS = Scope(region="unit__region", organisation="unit__organisation")


class PooledCase(Case):
    """An enforcement case as the shared pool reads it: the same row under the pool's scope, so a page or an
    endpoint of one pooled case (and the permission tests) read it through `visible_to` like any other record.
    Nothing is ever written through it."""

    scope = CASES

    class Meta:
        proxy = True
        verbose_name = _("case in the shared pool")
        verbose_name_plural = _("shared case pool")
