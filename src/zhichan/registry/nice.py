"""Nice classes as registers and ledgers write them. No models are imported here, so the trademark model
checks its classes with the same function the imports and the services use."""

import re
import unicodedata

from django.utils.translation import gettext_noop

from zhichan.core.messages import Message

from .identifiers import IdentifierError

NICE_CLASSES = range(1, 46)  # Nice Classification: 34 classes of goods, 11 of services


def parse_nice_classes(text) -> list[int]:
    """The Nice class numbers in a cell, in order and once each: `19;21`, `29类 食品`, `【第43类】`, `第19类`.

    Words (the class heading) are ignored; blank text gives []. Raises IdentifierError (a ValueError) for a
    number outside 1–45.
    """
    if text is None:
        return []
    text = unicodedata.normalize("NFKC", str(text))
    classes = []
    for digits in re.findall(r"\d+", text):
        number = int(digits)
        if number not in NICE_CLASSES:
            raise IdentifierError(
                Message(gettext_noop("%(value)s is not a Nice class: classes are 1 to 45."), {"value": digits})
            )
        if number not in classes:
            classes.append(number)
    return classes
