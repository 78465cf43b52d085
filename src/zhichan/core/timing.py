"""Server-Timing: how long the application spent on a response, for the browser's tools and the load benchmark."""

import time


class ServerTimingMiddleware:
    """Outermost middleware: the time from the request reaching Django to the response leaving it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response
