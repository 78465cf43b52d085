"""The finance module's kinds of events, each on the record it concerns."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

BANK_ADDED = EventKind("bank.added", _("bank entered"))
PRODUCT_ADDED = EventKind("bank.product_added", _("loan product entered"))
PLEDGE_REGISTERED = EventKind("pledge.registered", _("pledge entered"))
LOAN_ADDED = EventKind("pledge.loan_added", _("loan entered"))
PLEDGE_RELEASED = EventKind("pledge.released", _("pledge released"))
RIGHT_MATCHED = EventKind("pledge.right_matched", _("pledged right matched to the register"))
TRANSACTION_RECORDED = EventKind("ip_transaction.recorded", _("licence, transfer or auction entered"))
SCHEME_LOADED = EventKind("subsidy_scheme.loaded", _("subsidy scheme loaded"))
SUBSIDY_OPENED = EventKind("subsidy.opened", _("subsidy application opened"))
CLAIM_ADDED = EventKind("subsidy.claim_added", _("subsidy claim added"))
CLAIM_REMOVED = EventKind("subsidy.claim_removed", _("subsidy claim removed"))
SUBSIDY_FILE_ADDED = EventKind("subsidy.file_added", _("supporting document attached"))
SUBSIDY_FILE_REMOVED = EventKind("subsidy.file_removed", _("supporting document removed"))
SUBSIDY_SUBMITTED = EventKind("subsidy.submitted", _("subsidy application submitted"))
SUBSIDY_PASSED = EventKind("subsidy.passed", _("subsidy application passed a review"))
SUBSIDY_RETURNED = EventKind("subsidy.returned", _("subsidy application returned for correction"))
SUBSIDY_REFUSED = EventKind("subsidy.refused", _("subsidy application refused"))
CLAIM_AMOUNT_SET = EventKind("subsidy.amount_set", _("approved amount of a claim set"))
OBJECTION_RECORDED = EventKind("subsidy.objection_recorded", _("objection to a public notice recorded"))
OBJECTION_DECIDED = EventKind("subsidy.objection_decided", _("objection decided"))
SUBSIDY_PAID = EventKind("subsidy.paid", _("subsidy paid"))
PAST_AWARD_RECORDED = EventKind("past_award.recorded", _("past subsidy award recorded"))
