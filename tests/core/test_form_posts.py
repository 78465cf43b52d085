"""An address that only takes a form's submission, opened with GET (a bookmark, a reload), leads to the page with
the form, or says on a page of its own what it is: never an empty 405."""

import pytest
from django.urls import URLPattern, get_resolver

LEADS_TO = {
    "/regions/reload/": "/regions/",
    "/units/reload/": "/units/",
    "/indicators/compute/": "/indicators/",
    "/programmes/choose/": "/",
    "/registry/imports/7/confirm/": "/registry/imports/7/",
    "/programme-tasks/7/assign/": "/programme-tasks/7/",
    "/reports/7/submit/": "/reports/7/",
}


@pytest.mark.parametrize(("address", "page"), LEADS_TO.items())
def test_a_get_leads_to_the_page_with_the_form(client_for, address, page):
    response = client_for("office").get(address)
    assert response.status_code == 302 and response.url == page


def test_a_get_of_an_address_whose_form_is_elsewhere_says_so(client_for):
    response = client_for("office").get("/assignments/7/confirm/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert 'data-testid="form-only"' in response.content.decode()
    assert client_for("office").put("/assignments/7/confirm/").status_code == 405


def test_every_form_only_address_answers_a_get_with_a_page():
    """No view is left with Django's require_POST, whose 405 has an empty body."""

    def views(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                yield pattern.callback
            else:
                yield from views(pattern.url_patterns)

    def methods(view):  # what Django's require_http_methods lets through, if it wraps the view
        if "require_http_methods" not in view.__code__.co_qualname:
            return None
        cells = dict(zip(view.__code__.co_freevars, view.__closure__ or (), strict=True))
        return cells["request_method_list"].cell_contents

    bare = [view.__qualname__ for view in views(get_resolver().url_patterns) if methods(view) == ["POST"]]
    assert bare == []
