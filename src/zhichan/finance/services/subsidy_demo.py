"""The demo's subsidy scheme and applications (演示数据（虚构）): the synthetic scheme of
data/subsidies/nanan-demo.yaml, kept open for applications to the end of the current year, and three registry
enterprises' applications through the actions — one paid, one in public notice, one waiting for its township's
review — each claiming its own invention patents granted in the scheme's window."""

import datetime

import yaml
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zhichan.registry.models import Enterprise, Patent
from zhichan.registry.models.patents import PatentType
from zhichan.registry.signals import DEMO_USCC_BODY

from ..models import SubsidyScheme
from . import schemes, subsidies

DEMO_FILE = "data/subsidies/nanan-demo.yaml"
DEMO_TOWNSHIP = "350583119"  # 水头镇: the demo township liaison's


def demo_subsidies_present() -> bool:
    return SubsidyScheme.objects.filter(synthetic=True).exists()


def _scheme() -> SubsidyScheme:
    path = settings.PROJECT_DIR / DEMO_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = timezone.localdate()
    data["closes_on"] = max(data["closes_on"], datetime.date(today.year, 12, 31))
    return schemes.load_scheme(None, file=path.name, data=data)


def _applicants(scheme, count=3):
    """Enterprises holding invention patents granted in the window: one in the demo township first."""
    granted = Patent.objects.filter(
        patent_type=PatentType.INVENTION, grant_date__gte=scheme.window_from, grant_date__lte=scheme.window_to
    )
    holders = Enterprise.objects.filter(patents__in=granted, merged_into__isnull=True).distinct().order_by("pk")
    holders = holders.exclude(uscc__startswith=DEMO_USCC_BODY)  # not the demo enterprise user's: it applies itself
    first = holders.filter(region__code=DEMO_TOWNSHIP)[:1]
    rest = holders.exclude(pk__in=[e.pk for e in first])[: count - len(first)]
    found = [*rest[:2], *first] if first else list(rest)
    return [(enterprise, list(granted.filter(holders=enterprise)[:2])) for enterprise in found]


def _document():
    """A blank one-page PDF standing for the supporting documents."""
    import io

    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(595, 842)
    writer.write(buffer)
    return SimpleUploadedFile("证明材料（演示）.pdf", buffer.getvalue(), content_type="application/pdf")


def create_demo_subsidies() -> int:
    scheme = _scheme()
    today = timezone.localdate()
    made = 0
    for index, (enterprise, patents) in enumerate(_applicants(scheme)):
        start = today - datetime.timedelta(days=[60, 20, 3][index])
        application = subsidies.open_application(
            None,
            scheme=scheme,
            applicant=enterprise,
            contact="联系人（演示）",
            phone="0595-00000000",
            account_bank="演示银行南安支行（演示）",
            account_number=f"62220000000000{index:04d}",
            day=start,
            synthetic=True,
        )
        for patent in patents:
            subsidies.add_claim(
                application, None, item=scheme.items.get(key="invention-grant"), subject=patent.application_number
            )
        subsidies.add_file(application, None, file=_document())
        subsidies.submit(application, None, day=start)
        made += 1
        if index == 2:
            continue
        for step in range(3):
            subsidies.pass_review(application, None, day=start + datetime.timedelta(days=step + 1))
        if index == 0:
            subsidies.pay(application, None, paid_on=subsidies.payable_from(application), voucher="PZ-演示-0001")
    return made
