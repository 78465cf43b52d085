"""Reproducible, publicly verifiable random selection (随机抽取): one mechanism for every draw on the platform —
experts for a purpose, objects and inspectors of a random inspection (双随机).

How a draw is made, so that anyone can recompute it with any tool (docs/architecture.md, "Random draws"):

1. The pool is published first: an ordered list of entries, each a stable key (a credit code, a certificate
   number, an expert's number) and the stratum it belongs to. Its canonical text is one line per entry,
   `stratum<TAB>key`, each line ending with a line feed, in UTF-8; its fingerprint is the SHA-256 of that text.
2. A seed (a random string) is chosen and kept secret; its commitment, the SHA-256 of the seed's UTF-8 bytes, is
   published with the pool's fingerprint before the draw.
3. The draw: each key's rank is the SHA-256 of `seed + LF + key` (UTF-8), read as a hexadecimal number; within
   each stratum the eligible entries (not excluded) are ordered by rank, lowest first (ties, which do not occur
   in practice, by key), and the number wanted is taken from the top. The seed is then published.
4. Anyone hashes the published seed and compares it with the commitment, hashes the pool text and compares it
   with its fingerprint, and reruns step 3.

A stratum with fewer eligible entries than wanted is an error naming both numbers: a draw never takes fewer. Who
must step aside (回避) after the draw is replaced by the next eligible entry in the same ranking.

Nothing here uses Python's `random`: the result depends only on SHA-256.
"""

import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SEED_BYTES = 16


@dataclass(frozen=True)
class Entry:
    key: str
    stratum: str = ""


@dataclass(frozen=True)
class Draw:
    """The keys drawn per stratum, in rank order, and the eligible keys left per stratum (the replacements, next
    in rank first)."""

    drawn: dict[str, list[str]]
    reserve: dict[str, list[str]]

    @property
    def keys(self) -> list[str]:
        return [key for keys in self.drawn.values() for key in keys]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_seed() -> str:
    """A seed from the operating system's cryptographic source."""
    return secrets.token_hex(SEED_BYTES)


def commitment(seed: str) -> str:
    """What is published before the draw: the seed's SHA-256."""
    return sha256(seed)


def _check_line(value: str, what: str):
    if "\t" in value or "\n" in value or "\r" in value:
        raise ValidationError(
            _("A %(what)s in a draw's pool cannot hold a tab or a line break: %(value)r.")
            % {
                "what": what,
                "value": value,
            }
        )


def pool_text(entries: Iterable[Entry]) -> str:
    """The pool's canonical text: `stratum<TAB>key` per line, in the published order."""
    lines = []
    seen = set()
    for entry in entries:
        _check_line(entry.key, "key")
        _check_line(entry.stratum, "stratum")
        if entry.key in seen:
            raise ValidationError(_("The key %(key)s is twice in the pool.") % {"key": entry.key})
        seen.add(entry.key)
        lines.append(f"{entry.stratum}\t{entry.key}\n")
    return "".join(lines)


def parse_pool(text: str) -> list[Entry]:
    """The entries of a pool's canonical text (the inverse of pool_text)."""
    entries = []
    for line in text.splitlines():
        stratum, _tab, key = line.partition("\t")
        entries.append(Entry(key=key, stratum=stratum))
    return entries


def rank(seed: str, key: str) -> str:
    """A key's rank under a seed: SHA-256 of seed, a line feed, and the key (lower ranks are drawn first)."""
    return sha256(f"{seed}\n{key}")


def ranked(entries: Iterable[Entry], seed: str, exclude: Iterable[str] = ()) -> dict[str, list[str]]:
    """The eligible keys of each stratum in draw order."""
    excluded = set(exclude)
    by_stratum: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        if entry.key not in excluded:
            by_stratum.setdefault(entry.stratum, []).append((rank(seed, entry.key), entry.key))
    return {stratum: [key for _rank, key in sorted(rows)] for stratum, rows in by_stratum.items()}


def draw(entries: Iterable[Entry], seed: str, wanted: Mapping[str, int], exclude: Iterable[str] = ()) -> Draw:
    """Take the number wanted from each stratum (strata not named: none), lowest rank first."""
    if not seed:
        raise ValidationError(_("A draw needs a seed."))
    order = ranked(list(entries), seed, exclude)
    drawn, reserve = {}, {}
    for stratum, count in wanted.items():
        if count < 0:
            raise ValidationError(_("The number to draw cannot be negative."))
        eligible = order.get(stratum, [])
        if len(eligible) < count:
            raise ValidationError(
                _("Stratum %(stratum)s: %(wanted)d wanted, only %(available)d eligible in the pool.")
                % {"stratum": stratum or "—", "wanted": count, "available": len(eligible)}
            )
        drawn[stratum], reserve[stratum] = eligible[:count], eligible[count:]
    return Draw(drawn=drawn, reserve=reserve)


def replacement(entries: Iterable[Entry], seed: str, stratum: str, taken: Iterable[str], exclude: Iterable[str] = ()):
    """The next key in rank of the stratum for one who steps aside: not taken yet (drawn, stepped aside) and not
    excluded. A ValidationError when none is left."""
    used = set(taken) | set(exclude)
    for key in ranked(list(entries), seed).get(stratum, []):
        if key not in used:
            return key
    raise ValidationError(
        _("Stratum %(stratum)s: no eligible entry is left in the pool to replace one who steps aside.")
        % {"stratum": stratum or "—"}
    )


def verify(text: str, text_hash: str, seed: str, seed_hash: str, wanted: Mapping[str, int], drawn, exclude=()):
    """Recompute a published draw: a list of problems (empty when everything matches)."""
    problems = []
    if sha256(text) != text_hash:
        problems.append(_("The pool's text does not match its published fingerprint."))
    if commitment(seed) != seed_hash:
        problems.append(_("The seed does not match the commitment published before the draw."))
    try:
        again = draw(parse_pool(text), seed, wanted, exclude)
    except ValidationError as error:
        problems.extend(error.messages)
        return problems
    if sorted(again.keys) != sorted(drawn):
        problems.append(_("Recomputing gives another draw than the one published."))
    return problems
