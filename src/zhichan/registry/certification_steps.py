"""What is entered on an enterprise's page (a certificate) and on a certificate's page (correct, renew, remove): one
table each, read by the pages (core/steps.py); the API's `step` takes the certificate page's steps but removal,
which is its DELETE (a step answers with the certificate as it now is, and a removed one is no more)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from .certification_forms import CertificateForm, RemovalForm, RenewalForm
from .services import certifications


def _record(enterprise, user, data, form):
    return certifications.record_certification(user, enterprise, **data)


def _change(certification, user, data, form):
    return certifications.change_certification(certification, user, **data)


def _renew(certification, user, data, form):
    return certifications.renew_certification(certification, user, **data)


def _remove(certification, user, data, form):
    return certifications.remove_certification(certification, user)


ENTERPRISE_STEPS = Steps(
    [
        Step(
            "certify",
            _("Add a GB/T 29490 certificate"),
            CertificateForm,
            None,
            _record,
            "outline-primary",
            files=True,
            allowed=by_action(certifications.record_certification, "enterprise"),
            done=_("The certificate is recorded."),
        )
    ]
)


def _certificate_form(step, certification, user) -> dict:
    if step.key != "change":
        return {}
    initial = {name: getattr(certification, name) for name in certifications.FIELDS}
    return {"initial": initial}


CERTIFICATION_STEPS = Steps(
    [
        Step(
            "change",
            _("Correct the certificate"),
            CertificateForm,
            None,
            _change,
            "outline-primary",
            files=True,
            allowed=by_action(certifications.change_certification, "certification"),
            done=_("The certificate is corrected."),
        ),
        Step(
            "renew",
            _("Enter the renewed certificate"),
            RenewalForm,
            None,
            _renew,
            files=True,
            allowed=by_action(certifications.renew_certification, "certification"),
            when=lambda certification: not certification.renewals.exists(),  # renewed once: renew the new one
            done=_("The renewed certificate is recorded."),
        ),
        Step(
            "remove",
            _("Remove (recorded in error)"),
            RemovalForm,
            None,
            _remove,
            "outline-danger",
            allowed=by_action(certifications.remove_certification, "certification"),
            done=_("The certificate is removed."),
        ),
    ],
    form_kwargs=_certificate_form,
)


# The API's steps on a certificate (api_certifications.py): the page's own, but removal (the API's DELETE).
API_CERTIFICATION_STEPS = Steps(
    [step for step in CERTIFICATION_STEPS if step.key != "remove"], form_kwargs=CERTIFICATION_STEPS.form_kwargs
)
