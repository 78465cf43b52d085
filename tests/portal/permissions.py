"""Who may open each page of the portal, and rows to try them with. The public pages are anyone's, the visitor
without an account first; a request's status is read by whoever holds its tracking number. The requests are the
staff's of their scope (the handling unit's liaison, the office; the leadership reads), the catalogue the office's,
read by the leadership."""

from zhichan.core.roles import EVERYONE, SEE_ALL, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
ENTERPRISE = frozenset({Role.ENTERPRISE})

EXPECTED = {
    "portal-home": (EVERYONE, EVERYONE),
    "portal-services": (EVERYONE, EVERYONE),
    "portal-service": (EVERYONE, EVERYONE),
    "portal-track": (EVERYONE, EVERYONE),
    "portal-status": (EVERYONE, EVERYONE),
    "portal-contact": (EVERYONE, EVERYONE),
    "portal-request-list": (STAFF, STAFF),
    "portal-request-detail": (STAFF, STAFF),
    "portal-request-step": (STAFF, STAFF),
    "portal-catalogue": (SEE_ALL, OFFICE),
    "portal-service-edit": (OFFICE, OFFICE),
    "portal-manifest": (EVERYONE, EVERYONE),
    "portal-service-worker": (EVERYONE, EVERYONE),
    "portal-language": (EVERYONE, EVERYONE),
    "portal-api-schema": (EVERYONE, EVERYONE),
    "portal-api-docs": (EVERYONE, EVERYONE),
    "api:public-service-list": (EVERYONE, EVERYONE),
    "api:public-service-detail": (EVERYONE, EVERYONE),
    "api:public-request-list": (EVERYONE, EVERYONE),
    "api:public-request-detail": (EVERYONE, EVERYONE),
    "api:public-request-rating": (EVERYONE, EVERYONE),
    "api:public-challenge": (EVERYONE, EVERYONE),
    # Published lists and data (open data): anyone reads them; nothing is written through them.
    "portal-datasets": (EVERYONE, EVERYONE),
    "portal-dataset": (EVERYONE, EVERYONE),
    "portal-dataset-download": (EVERYONE, EVERYONE),
    "portal-dataset-dcat": (EVERYONE, EVERYONE),
    "portal-catalog": (EVERYONE, EVERYONE),
    "api:public-dataset-list": (EVERYONE, EVERYONE),
    "api:public-dataset-detail": (EVERYONE, EVERYONE),
    # Enterprise self-service: anyone reads the page for enterprises and registers; an enterprise user reads its own
    # enterprises' pages (another's answers 404); the office verifies or refuses registrations.
    "portal-enterprise-start": (EVERYONE, EVERYONE),
    "portal-enterprise-register": (EVERYONE, EVERYONE),
    "portal-enterprise": (ENTERPRISE, ENTERPRISE),
    "portal-enterprise-detail": (ENTERPRISE, ENTERPRISE),
    "portal-registration-list": (OFFICE, OFFICE),
    "portal-registration-detail": (OFFICE, OFFICE),
    "portal-registration-step": (OFFICE, OFFICE),
    # News and notices: anyone reads the published ones; every item, drafts too, is the office's to write (the
    # leadership reads the list, as it reads the catalogue).
    "portal-news": (EVERYONE, EVERYONE),
    "portal-news-item": (EVERYONE, EVERYONE),
    "portal-notice-list": (SEE_ALL, OFFICE),
    "portal-notice-new": (OFFICE, OFFICE),
    "portal-notice-edit": (OFFICE, OFFICE),
    "portal-notice-step": (OFFICE, OFFICE),
}

NUMBER = "2024-PERMISSN"
NEWS_ID = 424242  # a published item, read at its public address by every role
URL_KWARGS = {
    "portal-service": {"code": "complaint"},
    "portal-status": {"number": NUMBER},
    "portal-service-edit": {"code": "complaint"},
    "portal-language": {"code": "en"},
    "api:public-service-detail": {"code": "complaint"},
    "api:public-request-detail": {"number": NUMBER},
    "api:public-request-rating": {"number": NUMBER},
    "portal-dataset": {"key": "service-agencies"},
    "portal-dataset-download": {"key": "service-agencies", "suffix": "xlsx"},
    "portal-dataset-dcat": {"key": "service-agencies"},
    "api:public-dataset-detail": {"key": "service-agencies"},
    "portal-news-item": {"item": NEWS_ID},
}


def rows(users):
    from zhichan.core.models import Unit
    from zhichan.portal.models import Service

    from .conftest import load_catalogue
    from .factories import make_request
    from .registration_factories import make_registration

    load_catalogue()
    first = make_request()
    first.number = NUMBER
    first.save(update_fields=["number"])
    Service.objects.filter(code="training-registration").update(unit=Unit.objects.get(key="science"))
    make_request("training-registration", answers={"training": "专利检索培训"})
    make_registration("permission-applicant")
    make_notices()


def make_notices():
    import datetime

    from zhichan.portal.models import Notice

    Notice.objects.create(pk=NEWS_ID, title="权限测试新闻", body="正文", published_on=datetime.date(2024, 5, 6))
    Notice.objects.create(title="权限测试草稿", body="草稿正文")
