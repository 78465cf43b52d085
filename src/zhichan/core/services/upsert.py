from django.db import models


def upsert(model: type[models.Model], lookup: dict, fields: dict):
    """Create the row found by `lookup`, or update only the fields that differ.

    Saving only on a real change keeps reloads of unchanged data files out of the audit history.
    """
    instance, created, _changed = upsert_changes(model, lookup, fields)
    return instance, created


def upsert_changes(model: type[models.Model], lookup: dict, fields: dict):
    """As `upsert`, also saying which fields changed: (row, created, [field names])."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return model._default_manager.create(**lookup, **fields), True, []
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    if changed:
        instance.save()
    return instance, False, changed


def sync_from_file(model: type[models.Model], key: str, rows: list[dict], fixed: tuple = ()) -> dict:
    """Bring the model's rows in line with a data file's, each found by its `key`; a row the office has edited on a
    page (`from_file` cleared) is kept as it wrote it, but for the `fixed` fields, which the file alone decides (no
    page edits them). Returns the counts created, updated and kept."""
    edited = set(model._default_manager.filter(from_file=False).values_list(key, flat=True))
    result = {"created": 0, "updated": 0, "kept": 0}
    for values in rows:
        values = dict(values)
        lookup = {key: values.pop(key)}
        if lookup[key] in edited:
            _row, _created, changed = upsert_changes(model, lookup, {name: values[name] for name in fixed})
            result["updated" if changed else "kept"] += 1
            continue
        _row, created, changed = upsert_changes(model, lookup, values)
        if created:
            result["created"] += 1
        elif changed:
            result["updated"] += 1
    return result
