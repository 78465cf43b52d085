from .api import ApplicantAliasViewSet, PatentSetViewSet, SetPatentViewSet

# These routes come before the sets': `patent-sets/<pk>/` would otherwise take `patent-sets/merges/`.
ROUTES = [
    ("patent-sets/merges", ApplicantAliasViewSet),
    ("patent-sets/patents", SetPatentViewSet),
    ("patent-sets", PatentSetViewSet),
]
