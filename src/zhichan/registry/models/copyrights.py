"""Copyright registrations: works (作品登记) and computer software (软件著作权登记). Rules: docs/registry.md."""

import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zhichan.core.models import Region
from zhichan.core.scoping import Scope

from .enterprises import Enterprise
from .records import RegisterRecord


class CopyrightKind(models.TextChoices):
    WORK = "work", _("work")
    SOFTWARE = "software", _("computer software")


class WorkCategory(models.TextChoices):
    """The kinds of works of Copyright Law art. 3 (2020 amendment), as registration certificates name them."""

    WRITTEN = "written", _("written work")
    ORAL = "oral", _("oral work")
    MUSIC = "music", _("musical work")
    DRAMA = "drama", _("dramatic work")
    QUYI = "quyi", _("quyi (storytelling and ballad) work")
    CHOREOGRAPHY = "choreography", _("choreographic work")
    ACROBATICS = "acrobatics", _("acrobatic work")
    FINE_ART = "fine_art", _("work of fine art")
    ARCHITECTURE = "architecture", _("architectural work")
    PHOTOGRAPHY = "photography", _("photographic work")
    AUDIOVISUAL = "audiovisual", _("audiovisual work")
    GRAPHIC = "graphic", _("graphic work")
    MODEL = "model", _("model work")
    OTHER = "other", _("other work")


def normalize_copyright_number(text) -> str:
    """The number as written, without spaces; NFKC folds full-width digits, letters and hyphens."""
    if not isinstance(text, str):
        raise ValidationError({"registration_number": _("No number given.")})
    number = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not number:
        raise ValidationError({"registration_number": _("No number given.")})
    return number


def kind_of_number(number: str) -> str:
    """The kind the number's prefix states (软著登字 software, 作登字 works), or "" when it states none."""
    if "软著登" in number:
        return CopyrightKind.SOFTWARE
    if "作登字" in number:
        return CopyrightKind.WORK
    return ""


class Copyright(RegisterRecord):
    """A copyright registration of a work or of computer software."""

    registration_number = models.CharField(_("registration number"), max_length=60, unique=True)
    # A work registered now may have been made or published long ago (core/plausible.py).
    earliest_dates = {"completion_date": datetime.date(1900, 1, 1), "first_publication_date": datetime.date(1900, 1, 1)}
    kind = models.CharField(_("kind"), max_length=20, choices=CopyrightKind.choices, blank=True)
    category = models.CharField(
        _("category of work"), max_length=20, choices=WorkCategory.choices, blank=True, help_text=_("Works only.")
    )
    title = models.CharField(_("title"), max_length=500)
    owners = models.ManyToManyField(
        Enterprise, blank=True, related_name="copyrights", verbose_name=_("owners in the register")
    )
    owner_name = models.CharField(_("owner (as written)"), max_length=500, blank=True)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="copyrights", verbose_name=_("region")
    )
    completion_date = models.DateField(_("completion date"), null=True, blank=True)
    first_publication_date = models.DateField(_("first publication date"), null=True, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    history_unindexed = ("registration_number", "region", "import_batch")

    scope = Scope(region="region", enterprise="owners", many=True)

    class Meta:
        verbose_name = _("copyright registration")
        verbose_name_plural = _("copyright registrations")
        ordering = ["registration_number"]

    def __str__(self):
        return f"{self.registration_number} {self.title}"

    def clean(self):
        super().clean()
        self.registration_number = normalize_copyright_number(self.registration_number)
        stated = kind_of_number(self.registration_number)
        if not self.kind:
            self.kind = stated
        if not self.kind:
            raise ValidationError({"kind": _("Say whether this is a work or computer software.")})
        if stated and stated != self.kind:
            raise ValidationError({"kind": _("The registration number says otherwise.")})
        if self.kind == CopyrightKind.SOFTWARE and self.category:
            raise ValidationError({"category": _("Computer software has no category of work.")})
        if self.registration_date and self.completion_date and self.registration_date < self.completion_date:
            raise ValidationError({"registration_date": _("The registration date is before the completion date.")})
