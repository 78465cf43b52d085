from django.conf import settings


def client_ip(request) -> str | None:
    """The visitor's address. Behind ZHICHAN_PROXY_COUNT trusted proxies (nginx), each of which appends the
    address it saw to X-Forwarded-For, the client is that many entries from the right; anything further left
    was written by the client and is not trusted."""
    meta = getattr(request, "META", None) or {}
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return meta.get("REMOTE_ADDR") or None
