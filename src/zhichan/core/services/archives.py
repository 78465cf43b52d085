"""Opening a ZIP archive safely: office documents (.docx, .xlsx, .pptx, OpenDocument, OFD) are ZIP archives, and
an archive can hold what a reader should never unpack.

`inspect(file)` reads only the archive's directory (nothing is unpacked) and refuses, with a reason in the reader's
language, an archive that:

- is not a ZIP archive or is damaged;
- holds more than `max_members` entries, or entries whose sizes add up to more than `max_unpacked_mb` once
  unpacked (a "zip bomb": a few MB that unpack to GB);
- names an entry outside the archive: an absolute path (`/etc/…`, `C:\\…`, `\\\\server\\…`), a `..` step, a
  control character, or the same name twice (readers disagree on which one counts);
- holds a symbolic link or an encrypted entry.

The sizes in the directory are what the archive claims; a reader that then unpacks an entry should still read it
with a bound (`read_bounded`), as an entry may unpack to more than it claims.
"""

import stat
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_MEMBERS = 10_000
MAX_UNPACKED_MB = 512


class UnsafeArchive(ValueError):
    """The reason an archive is refused, in the reader's language."""


@dataclass(frozen=True)
class Contents:
    names: frozenset
    unpacked_bytes: int


def _shown(name: str) -> str:
    printable = "".join(character if character.isprintable() else "?" for character in name)
    return printable if len(printable) <= 80 else printable[:77] + "…"


def unsafe_name(name: str) -> bool:
    """True for a name that leads outside the folder it would be unpacked into, or that no system should accept."""
    if not name or any(ord(character) < 0x20 or ord(character) == 0x7F for character in name):
        return True
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):  # absolute, a drive, or \\server\share
        return True
    return ".." in path.split("/")


def inspect(file, *, max_members: int = MAX_MEMBERS, max_unpacked_mb: int = MAX_UNPACKED_MB) -> Contents:
    """The entries' names and total unpacked size of a safe archive; UnsafeArchive with the reason otherwise.
    `file` is a path or a binary file; a file is read from its start and left at its start."""
    try:
        if hasattr(file, "seek"):
            file.seek(0)
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        raise UnsafeArchive(_("it is not a ZIP archive or the archive is damaged")) from None
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    if len(entries) > max_members:
        raise UnsafeArchive(
            _("the archive holds %(count)d files; at most %(limit)d are accepted")
            % {"count": len(entries), "limit": max_members}
        )
    seen, total = set(), 0
    for entry in entries:
        name = entry.filename
        if unsafe_name(name):
            raise UnsafeArchive(
                _("the archive holds a file named %(member)s, which points outside the archive")
                % {"member": _shown(name)}
            )
        if name in seen:
            raise UnsafeArchive(_("the archive holds %(member)s twice") % {"member": _shown(name)})
        seen.add(name)
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise UnsafeArchive(_("the archive holds a link (%(member)s)") % {"member": _shown(name)})
        if entry.flag_bits & 0x1:
            raise UnsafeArchive(_("the archive holds an encrypted file (%(member)s)") % {"member": _shown(name)})
        total += entry.file_size
    if total > max_unpacked_mb * 1024 * 1024:
        raise UnsafeArchive(
            _("the archive unpacks to %(size)d MB; at most %(limit)d MB are accepted")
            % {"size": total // (1024 * 1024), "limit": max_unpacked_mb}
        )
    return Contents(frozenset(seen), total)


def read_bounded(file, name: str, limit_bytes: int) -> bytes:
    """One entry of an archive already inspected, unpacked up to `limit_bytes`; UnsafeArchive if it is longer
    (whatever the directory claimed) or cannot be unpacked."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive, archive.open(name) as entry:
            data = entry.read(limit_bytes + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError):
        raise UnsafeArchive(_("%(member)s in the archive is damaged") % {"member": _shown(name)}) from None
    finally:
        file.seek(0)
    if len(data) > limit_bytes:
        raise UnsafeArchive(
            _("%(member)s in the archive is larger than %(limit)d KB")
            % {"member": _shown(name), "limit": limit_bytes // 1024}
        )
    return data
