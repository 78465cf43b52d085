"""Checking a ZIP archive (an .xlsx, .docx, .ods, OFD … is one) from its central directory, before anything is
unpacked: the one check both imports and uploads use.

`inspect_zip(path_or_file, max_unpacked=, max_ratio=, max_members=)` reads only the directory at the end of the
file and answers with the members, or raises ArchiveRefused saying what is wrong: not a ZIP archive, damaged,
too many members, unpacking to too much, a member compressed suspiciously well (a "zip bomb"), a member name
that would leave the folder it is unpacked into (`../`, an absolute path, a drive letter, a control character),
the same name twice (readers disagree on which counts), a link, or an encrypted member. The sizes in the
directory are what the archive claims, so a reader then unpacks a member with a bound (`member_chunks`,
`read_bounded`).

The import machinery words the problems for a clerk with what to do (core/imports/reading.py); uploads take
`inspect`, which words them as the reason a file is refused (`describe`).
"""

import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# A member this small cannot hurt however well it is compressed (the ratio of tiny parts is meaningless).
RATIO_FLOOR = 1 << 20
MAX_MEMBERS = 10_000
MAX_UNPACKED_MB = 512  # an upload's office document


class ArchiveRefused(Exception):
    """`problem` is one of: "not-zip", "damaged", "members", "unpacked", "ratio", "name", "twice", "link",
    "encrypted"; `details` the numbers (size, limit, member, ratio, count) that a message names."""

    def __init__(self, problem: str, **details):
        super().__init__(problem, details)
        self.problem = problem
        self.details = details


class UnsafeArchive(ValueError):
    """An uploaded archive refused, with the reason in the reader's language."""


@dataclass
class ZipSummary:
    members: list = field(default_factory=list)  # zipfile.ZipInfo, in the directory's order
    unpacked: int = 0  # the sum of the members' uncompressed sizes, as the directory states them

    def names(self) -> set:
        return {member.filename for member in self.members}


def unsafe_name(name: str) -> bool:
    """A member name that leads outside the folder it would be unpacked into, or that no system should accept."""
    if not name or any(ord(character) < 0x20 or ord(character) == 0x7F for character in name):
        return True
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):  # absolute, a drive, or \\server\share
        return True
    return ".." in path.split("/")


def inspect_zip(
    source, *, max_unpacked: int, max_ratio: float | None = None, max_members: int = MAX_MEMBERS
) -> ZipSummary:
    """The archive's members, checked from the directory alone. `source`: a path or a binary file object
    (read from its start and left at its start)."""
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        # A local header at the start but no readable directory: an archive cut short or damaged.
        raise ArchiveRefused("damaged" if _starts_as_zip(source) else "not-zip", detail=str(error)) from None
    except (zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError) as error:
        raise ArchiveRefused("damaged", detail=str(error)) from None
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    if len(members) > max_members:
        raise ArchiveRefused("members", count=len(members), limit=max_members)
    unpacked, seen = 0, set()
    for member in members:
        name = member.filename
        if unsafe_name(name):
            raise ArchiveRefused("name", member=name)
        if name in seen:
            raise ArchiveRefused("twice", member=name)
        seen.add(name)
        if stat.S_ISLNK(member.external_attr >> 16):
            raise ArchiveRefused("link", member=name)
        if member.flag_bits & 0x1:
            raise ArchiveRefused("encrypted", member=name)
        unpacked += member.file_size
        if max_ratio is not None and member.file_size > RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > max_ratio:
                raise ArchiveRefused("ratio", member=name, ratio=int(ratio), limit=int(max_ratio))
    if unpacked > max_unpacked:
        raise ArchiveRefused("unpacked", size=unpacked, limit=max_unpacked)
    return ZipSummary(members=members, unpacked=unpacked)


@dataclass(frozen=True)
class Contents:
    names: frozenset
    unpacked_bytes: int


def inspect(file, *, max_members: int = MAX_MEMBERS, max_unpacked_mb: int = MAX_UNPACKED_MB) -> Contents:
    """An uploaded archive's member names and unpacked size; UnsafeArchive with the reason otherwise."""
    try:
        summary = inspect_zip(file, max_unpacked=max_unpacked_mb * 1024 * 1024, max_members=max_members)
    except ArchiveRefused as refused:
        raise UnsafeArchive(describe(refused)) from None
    return Contents(frozenset(summary.names()), summary.unpacked)


def describe(refused: ArchiveRefused) -> str:
    """Why an archive is refused, in the reader's language (the reason after a file's name)."""
    details = dict(refused.details)
    if "member" in details:
        details["member"] = _shown(details["member"])
    if refused.problem == "members":
        return _("the archive holds %(count)d files; at most %(limit)d are accepted") % details
    if refused.problem == "unpacked":
        return _("the archive unpacks to %(size)d MB; at most %(limit)d MB are accepted") % {
            "size": details["size"] // (1024 * 1024),
            "limit": details["limit"] // (1024 * 1024),
        }
    if refused.problem == "name":
        return _("the archive holds a file named %(member)s, which points outside the archive") % details
    if refused.problem == "twice":
        return _("the archive holds %(member)s twice") % details
    if refused.problem == "link":
        return _("the archive holds a link (%(member)s)") % details
    if refused.problem == "encrypted":
        return _("the archive holds an encrypted file (%(member)s)") % details
    return _("it is not a ZIP archive or the archive is damaged")


def _shown(name: str) -> str:
    printable = "".join(character if character.isprintable() else "?" for character in name)
    return printable if len(printable) <= 80 else printable[:77] + "…"


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


def member_chunks(path, member: zipfile.ZipInfo, size: int = 1 << 22):
    """The member's unpacked bytes, a chunk at a time, never more than the directory declares: a member that
    unpacks to more than its declared size (a directory that lies) raises ArchiveRefused("damaged")."""
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveRefused("damaged", detail=f"compression method {member.compress_type}")
    with open(path, "rb") as handle:
        handle.seek(member.header_offset)
        local = handle.read(30)
        if len(local) < 30 or local[:4] != b"PK\x03\x04":
            raise ArchiveRefused("damaged", detail="local header")
        name_length, extra_length = struct.unpack("<HH", local[26:30])
        handle.seek(name_length + extra_length, 1)
        left = member.compress_size
        out = 0
        inflate = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
        while left > 0 or (inflate is not None and inflate.unconsumed_tail):
            if inflate is not None and inflate.unconsumed_tail:
                raw = inflate.unconsumed_tail
            else:
                raw = handle.read(min(left, size))
                if not raw:
                    raise ArchiveRefused("damaged", detail="cut short")
                left -= len(raw)
            try:
                data = inflate.decompress(raw, size) if inflate is not None else raw
            except zlib.error as error:
                raise ArchiveRefused("damaged", detail=str(error)) from None
            out += len(data)
            if out > member.file_size:
                raise ArchiveRefused("damaged", detail="member larger than declared")
            if data:
                yield data
            if inflate is not None and inflate.eof:
                break


def _starts_as_zip(source) -> bool:
    try:
        if hasattr(source, "read"):
            source.seek(0)
            head = source.read(4)
        else:
            with open(source, "rb") as handle:
                head = handle.read(4)
    except OSError:
        return False
    return head == b"PK\x03\x04"
