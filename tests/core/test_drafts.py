"""A unit's unfinished work is its own: generated over every workflow model and every page and endpoint.

A workflow model says which of its states are a unit's unfinished work (`Scope(unfinished=...)`); each module's
permission table gives a draft of each of its workflow models (`drafts(users)` in `tests/<label>/permissions.py`,
rows of `Draft`). Every other unit's liaison, a township liaison, the leadership and an enterprise user must
not reach the draft: not by its own address (page or API), not in any API list, and not on any page or export of
its module or the foundation, which are fetched and searched for the draft's text (Excel and Word files
unpacked). The draft's unit and the office read it. Once submitted, it is read by those the table names.
"""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.urls import resolve, reverse

from .test_permissions import QUERIES, ROUTES, TABLES, URL_KWARGS, api_as, is_api_view, model_of

VIEWERS = ["office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison", "enterprise"]
# Views that only act (sign out, switch language) or hand out credentials: nothing to read.
SKIPPED = {"logout", "set_language", "api:api-token"}


def workflow_models():
    return sorted(
        (m for m in apps.get_models() if getattr(getattr(m, "scope", None), "unfinished", None)),
        key=lambda m: m._meta.label,
    )


@pytest.fixture
def drafts(users):
    for table in TABLES:
        table.rows(users)
    return [draft for table in TABLES if hasattr(table, "drafts") for draft in table.drafts(users)]


def test_every_model_with_drafts_declares_them():
    """A model with a state called draft keeps its drafts to its unit: a new workflow cannot forget."""
    for model in apps.get_models():
        if hasattr(model, "instance_type"):
            continue  # the audit history's copy of a model
        state = next((f for f in model._meta.get_fields() if f.name == "state" and getattr(f, "choices", None)), None)
        if state is None or "draft" not in dict(state.choices):
            continue
        unfinished = getattr(getattr(model, "scope", None), "unfinished", None)
        assert unfinished and "draft" in unfinished[1], f"{model._meta.label}: declare Scope(unfinished=...)"


def test_every_workflow_model_has_a_draft_to_try(drafts):
    assert workflow_models(), "no workflow model declares its drafts"
    assert {type(d.row) for d in drafts} == set(workflow_models())


def readers(draft):
    return {"office", draft.owner}


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # an Excel or Word file: the text is in its parts
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist())
    text = content.decode("utf-8", "ignore")
    if "json" in response.get("Content-Type", ""):
        text += json.dumps(json.loads(text), ensure_ascii=False)  # escaped characters spelled out
    return text


def http_for(client, users, username, name):
    if is_api_view(ROUTES[name].callback):
        return api_as(users, username)
    client.force_login(users[username])
    return client


def own_routes(model):
    """The addresses of one row of the model: (URL name, API or not)."""
    return [
        name
        for name in sorted(ROUTES)
        if "pk" in ROUTES[name].pattern.regex.groupindex and model_of(ROUTES[name].callback) is model
    ]


def list_routes(model):
    return [
        name
        for name in sorted(ROUTES)
        if is_api_view(ROUTES[name].callback) and name.endswith("-list") and model_of(ROUTES[name].callback) is model
    ]


def rows_read_through(draft):
    return [draft.row, *draft.dependents]


def check_reach(client, users, username, draft, sees: bool):
    row_label = f"{draft.row._meta.label} {draft.row.pk}"
    for row in rows_read_through(draft):
        model = type(row)
        assert model._default_manager.visible_to(users[username]).filter(pk=row.pk).exists() == sees, (
            f"{model._meta.label} {row.pk} of {row_label}: visible_to({username}) should be {sees}"
        )
        for name in own_routes(model):
            url = reverse(name, kwargs={"pk": row.pk})
            response = http_for(client, users, username, name).get(url)
            if response.status_code == 302 and getattr(resolve(url).func, "form_page", None):
                response = client.get(response.url)  # a form-only address leads to its form's page: that page answers
            if sees:
                assert response.status_code not in (404,), f"{name} {row.pk} as {username}: {response.status_code}"
            else:
                assert response.status_code in (401, 403, 404, 405), (
                    f"{name} {row.pk} as {username}: {response.status_code}"
                )
        for name in list_routes(model):
            response = api_as(users, username).get(reverse(name) + "?page_size=500")
            ids = {item["id"] for item in response.json()["results"]} if response.status_code == 200 else set()
            assert (row.pk in ids) == (sees and response.status_code == 200), (
                f"{name} as {username} ({response.status_code}): {row_label} listed={row.pk in ids}"
            )


def related(row, depth=2):
    """(model, pk) of the rows a row points to, and theirs: the pages about them may list it."""
    found = set()
    for field in row._meta.concrete_fields:
        if field.is_relation and field.many_to_one and getattr(row, field.attname) is not None:
            target = getattr(row, field.name)
            found.add((type(target), target.pk))
            if depth > 1:
                found |= related(target, depth - 1)
    return found


def pages_about(draft):
    """Every page and endpoint of the draft's module and of the foundation that could show it."""
    labels = {"core", draft.row._meta.app_label}
    owned = {name for table in TABLES if table.__name__.split(".")[-2] in labels for name in table.EXPECTED}
    targets = related(draft.row)
    urls = []
    for name in sorted(owned - SKIPPED):
        groups = set(ROUTES[name].pattern.regex.groupindex)
        if not groups or name in URL_KWARGS:
            url = reverse(name, kwargs=URL_KWARGS.get(name))
            urls += [(name, url + q) for q in [QUERIES.get(name, ""), *draft.pages.get(name, [])]]
        elif groups == {"pk"}:
            model = model_of(ROUTES[name].callback)
            urls += [(name, reverse(name, kwargs={"pk": pk})) for m, pk in targets if m is model]
    return urls


@pytest.mark.parametrize("username", VIEWERS)
def test_a_draft_is_read_only_by_its_unit_and_the_office(username, client, users, drafts):
    for draft in drafts:
        sees = username in readers(draft)
        check_reach(client, users, username, draft, sees)
        if sees:
            continue
        for name, url in pages_about(draft):
            response = http_for(client, users, username, name).get(url)
            if response.status_code != 200:
                continue
            text = body(response)
            shown = [marker for marker in draft.markers if marker in text]
            assert not shown, f"{url} as {username} shows {draft.row._meta.label} draft text {shown}"


@pytest.mark.parametrize("username", VIEWERS)
def test_a_submitted_draft_is_read_as_the_workflow_says(username, client, users, drafts):
    for draft in drafts:
        draft.submit()
        draft.row.refresh_from_db()
        check_reach(client, users, username, draft, username in draft.seen_after)


def test_the_pages_searched_show_the_draft_to_its_unit(client, users, drafts):
    """The search can fail: the draft's own unit finds its text on the pages searched."""
    for draft in drafts:
        found = False
        for name, url in pages_about(draft):
            response = http_for(client, users, draft.owner, name).get(url)
            if response.status_code == 200 and any(marker in body(response) for marker in draft.markers):
                found = True
                break
        assert found, f"no page shows {draft.row._meta.label} draft text to {draft.owner}"
