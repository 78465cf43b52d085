"""A request that landed in a module follows its record: each event recorded on a record moves the requests that
track it (services/requests.py `follow`), in the event's own transaction. Every event, and every change to the
catalogue, renews the published pages kept in the cache (cache.py) once committed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zhichan.core.models import Event

from . import cache
from .models import Service, StateLabel
from .services.intakes import follows


@receiver(post_save, sender=Event, dispatch_uid="portal-follow")
def on_event(sender, instance, created, **kwargs):
    if created and follows(instance.kind) is not None:
        from .services.requests import follow

        follow(instance)
    if created:
        cache.changed_on_commit()  # any write may change a published page


for model in (Service, StateLabel):
    post_save.connect(cache.changed, sender=model, dispatch_uid=f"portal-cache-{model.__name__}")
    post_delete.connect(cache.changed, sender=model, dispatch_uid=f"portal-cache-delete-{model.__name__}")
