from .api import ApplicantAliasViewSet, PatentSetViewSet

# The merge table's routes come before the sets': `patent-sets/<pk>/` would otherwise take `patent-sets/merges/`.
ROUTES = [
    ("patent-sets/merges", ApplicantAliasViewSet),
    ("patent-sets", PatentSetViewSet),
]
