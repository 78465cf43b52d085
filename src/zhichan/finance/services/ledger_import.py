"""Importing a bank's pledge ledger (质押融资台账) through core's import framework (the kind `finance-pledges`,
imports.py), one loan a row: a pledge not entered yet is entered through `register_pledge` with its rights; a row
naming a pledge already entered adds its loan when the contract is new and its release when the ledger gives one,
so a monthly ledger that lists the same pledges again changes only what is new. Each row is written in a
savepoint of its own, as the batch's user."""

from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import split_list
from zhichan.core.messages import gettext_key as _

from ..models import Bank, LoanProduct, Pledge, RightType
from . import pledges

RIGHT_COLUMNS = {"patents": RightType.PATENT, "trademarks": RightType.TRADEMARK, "copyrights": RightType.COPYRIGHT}


def row_key(record: dict) -> tuple:
    return ((record.get("registration_number") or "").strip(), (record.get("contract_number") or "").strip())


def check_row(record: dict, helpers) -> None:
    """An amount in 万元 or in 元, not both; a loan's figures together."""
    for field in ("secured_amount", "amount"):
        yuan = record.pop(f"{field}_yuan", None)
        if yuan is not None and record.get(field) is not None:
            raise RowRejected([(field, record[field], _("Give the amount once: in 万元 or in 元."))])
        if yuan is not None:
            record[field] = yuan
    if record.get("contract_number") and not (
        record.get("amount") and record.get("drawn_on") and record.get("matures_on")
    ):
        raise RowRejected(
            [("amount", record.get("amount") or "", _("A loan needs its amount, the day drawn and the day due."))]
        )


class PledgeLedgerWriter(ActionWriter):
    refused_field = "bank"

    def __init__(self, job):
        super().__init__(job)
        self.banks = {bank.name: bank for bank in Bank.objects.editable_by(self.user)}

    def _bank(self, record) -> Bank:
        name = (record.get("bank") or "").strip()
        if not name and len(self.banks) == 1:
            return next(iter(self.banks.values()))
        bank = self.banks.get(name)
        if bank is None:
            raise RowRejected([("bank", name, _("No bank of that name that you may enter pledges for."))])
        return bank

    def enter(self, record):
        number = (record.get("registration_number") or "").strip()
        pledge = Pledge.objects.filter(registration_number=number).select_related("bank").first()
        state = "unchanged"
        if pledge is None:
            bank = self._bank(record)
            product = LoanProduct.objects.filter(bank=bank, name=(record.get("product") or "").strip()).first()
            rights = [(kind, value) for field, kind in RIGHT_COLUMNS.items() for value in split_list(record.get(field))]
            pledge = pledges.register_pledge(
                self.user,
                bank=bank,
                registration_number=number,
                registered_on=record.get("registered_on"),
                pledgor=record.get("pledgor") or "",
                secured_amount=record.get("secured_amount"),
                rights=rights,
                product=product,
                first_loan=bool(record.get("first_loan")),
                note=record.get("note") or "",
            )
            state = "created"
        elif record.get("bank") and pledge.bank.name != record["bank"].strip():
            raise RowRejected(
                [
                    (
                        "registration_number",
                        number,
                        _("This registration number is entered for another bank: %(bank)s.")
                        % {"bank": pledge.bank.name},
                    )
                ]
            )
        contract = (record.get("contract_number") or "").strip()
        if contract and not pledge.loans.filter(contract_number=contract).exists():
            pledges.add_loan(
                pledge,
                self.user,
                contract_number=contract,
                amount=record.get("amount"),
                drawn_on=record.get("drawn_on"),
                matures_on=record.get("matures_on"),
            )
            state = "created" if state == "created" else "updated"
        if record.get("released_on") and pledge.released_on is None:
            pledges.release_pledge(pledge, self.user, day=record["released_on"])
            state = "created" if state == "created" else "updated"
        return state
