"""Checking a ZIP archive (an .xlsx, .docx, .ods … is one) from its central directory, before anything is unpacked.

`inspect_zip(path_or_file, max_unpacked=, max_ratio=, max_members=)` reads only the directory at the end of the
file and answers with the members, or raises ArchiveRefused saying what is wrong: not a ZIP archive, damaged,
too many members, unpacking to too much, a member compressed suspiciously well (a "zip bomb"), or a member
name that would leave the folder it is unpacked into (`../`, an absolute path, a drive letter). The caller
turns `problem` and the numbers into a message in the reader's language; this module says nothing to users.
"""

import struct
import zipfile
import zlib
from dataclasses import dataclass, field

# A member this small cannot hurt however well it is compressed (the ratio of tiny parts is meaningless).
RATIO_FLOOR = 1 << 20


class ArchiveRefused(Exception):
    """`problem` is one of: "not-zip", "damaged", "members", "unpacked", "ratio", "name"; `details` the numbers
    (size, limit, member, ratio, count) that a message names."""

    def __init__(self, problem: str, **details):
        super().__init__(problem, details)
        self.problem = problem
        self.details = details


@dataclass
class ZipSummary:
    members: list = field(default_factory=list)  # zipfile.ZipInfo, in the directory's order
    unpacked: int = 0  # the sum of the members' uncompressed sizes, as the directory states them

    def names(self) -> set:
        return {member.filename for member in self.members}


def unsafe_name(name: str) -> bool:
    """A member name that points outside the folder it would be unpacked into."""
    cleaned = name.replace("\\", "/")
    return (
        cleaned.startswith("/")
        or (len(cleaned) > 1 and cleaned[1] == ":")
        or any(part == ".." for part in cleaned.split("/"))
        or "\x00" in cleaned
    )


def inspect_zip(source, *, max_unpacked: int, max_ratio: float, max_members: int = 10_000) -> ZipSummary:
    """The archive's members, checked from the directory alone. `source`: a path or a binary file object
    (left at its start)."""
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        # A local header at the start but no readable directory: an archive cut short or damaged.
        raise ArchiveRefused("damaged" if _starts_as_zip(source) else "not-zip", detail=str(error)) from None
    except (OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ArchiveRefused("damaged", detail=str(error)) from None
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    if len(members) > max_members:
        raise ArchiveRefused("members", count=len(members), limit=max_members)
    unpacked = 0
    for member in members:
        if unsafe_name(member.filename):
            raise ArchiveRefused("name", member=member.filename)
        unpacked += member.file_size
        if member.file_size > RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > max_ratio:
                raise ArchiveRefused("ratio", member=member.filename, ratio=int(ratio), limit=int(max_ratio))
    if unpacked > max_unpacked:
        raise ArchiveRefused("unpacked", size=unpacked, limit=max_unpacked)
    return ZipSummary(members=members, unpacked=unpacked)


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
