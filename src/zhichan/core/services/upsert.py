from django.db import models


def upsert(model: type[models.Model], lookup: dict, fields: dict):
    """Create the row found by `lookup`, or update only the fields that differ.

    Saving only on a real change keeps reloads of unchanged data files out of the audit history.
    """
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return model._default_manager.create(**lookup, **fields), True
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    if changed:
        instance.save()
    return instance, False
