"""Addresses that only take a form's submission (POST).

Such an address still gets opened with GET: a bookmark, a reload of the address bar after the form was sent, a
link copied from the browser. Instead of an empty 405 it leads to the page that holds the form, or, when the form
lives on a page the address does not name, says so on a page of its own (still 405, with a way on).
"""

from functools import wraps

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse


def form_post(page: str | None = None, *keep: str):
    """POST only. A GET or HEAD is sent to the URL named `page`, with the view's keyword arguments named in
    `keep` (`form_post("task-page", "pk")`); without a page it is told where forms are sent from."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if request.method not in ("GET", "HEAD"):
                return HttpResponseNotAllowed(["POST"])
            if page:
                return redirect(page, **{name: kwargs[name] for name in keep})
            response = TemplateResponse(request, "405.html", status=405)
            response["Allow"] = "POST"
            return response

        wrapped.form_page = page  # the permission tests follow a GET to it
        return wrapped

    return decorator
