from .api import ListingViewSet, RecordViewSet

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [("credit/records", RecordViewSet), ("credit/serious-list", ListingViewSet)]
