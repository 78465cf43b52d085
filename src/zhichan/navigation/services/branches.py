"""Which technology branches a patent belongs to: a branch takes the patents with an IPC code that begins with one
of its codes, or with one of its keywords in the title; a branch also holds its sub-branches' patents."""

from dataclasses import dataclass

from .reading import name


@dataclass(frozen=True)
class Rule:
    branch: int
    prefixes: tuple[str, ...]
    keywords: tuple[str, ...]
    lineage: tuple[int, ...]  # the branch and the branches above it


def words(text: str, *, code: bool = False) -> tuple[str, ...]:
    parts = (name(part) for part in text.replace("；", ";").split(";"))
    return tuple(part.replace(" ", "").upper() if code else part for part in parts if part)


def compiled_branches(patent_set) -> list[Rule]:
    branches = list(patent_set.branches.all())
    parents = {branch.pk: branch.parent_id for branch in branches}

    def lineage(pk):
        found = []
        while pk is not None and pk not in found:
            found.append(pk)
            pk = parents.get(pk)
        return tuple(found)

    return [
        Rule(branch.pk, words(branch.ipc_prefixes, code=True), words(branch.keywords), lineage(branch.pk))
        for branch in branches
    ]


def branches_of(rules: list[Rule], codes: list[str], title: str) -> list[str]:
    found: list[int] = []
    for rule in rules:
        if any(code.startswith(rule.prefixes) for code in codes) if rule.prefixes else False:
            found.extend(rule.lineage)
        elif rule.keywords and any(word in title for word in rule.keywords):
            found.extend(rule.lineage)
    return [str(pk) for pk in sorted(set(found))]


def tree_order(branches) -> list[tuple]:
    """(branch, depth) of every branch, each followed by its sub-branches (depth first, in their positions)."""
    children: dict = {}
    for branch in branches:
        children.setdefault(branch.parent_id, []).append(branch)
    ordered, seen = [], set()

    def visit(parent, depth):
        for branch in children.get(parent, []):
            if branch.pk not in seen:
                seen.add(branch.pk)
                ordered.append((branch, depth))
                visit(branch.pk, depth + 1)

    visit(None, 0)
    return ordered
