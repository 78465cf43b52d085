"""The step table (core/steps.py): what a record's page and API offer."""

from types import SimpleNamespace

from django import forms

from zhichan.core.steps import Step, Steps, by_action


class NoteForm(forms.Form):
    note = forms.CharField()

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record


def _table():
    return Steps(
        [
            Step("a", "A", NoteForm, ("open",), lambda r, u, d, f: "a", allowed=lambda user, record: True),
            Step("b", "B", NoteForm, ("open", "shut"), lambda r, u, d, f: "b", allowed=lambda u, record: u == "x"),
            Step(
                "c",
                "C",
                NoteForm,
                ("open",),
                lambda r, u, d, f: "c",
                allowed=lambda user, record: True,
                when=lambda record: record.flag,
            ),
        ],
        form_kwargs=lambda step, record, user: {"record": record},
    )


def test_offered_by_state_side_and_condition():
    table = _table()
    record = SimpleNamespace(state="open", flag=False)
    assert [step.key for step in table.offered(record, "x")] == ["a", "b"]
    assert [step.key for step in table.offered(record, "y")] == ["a"]
    record.flag = True
    assert [step.key for step in table.offered(record, "y")] == ["a", "c"]
    assert [step.key for step in table.offered(SimpleNamespace(state="shut", flag=True), "x")] == ["b"]


def test_keys_lookup_and_forms_with_the_record():
    table = _table()
    assert table.keys == ["a", "b", "c"] and "b" in table and table.get("z") is None and table.get(None) is None
    record = SimpleNamespace(state="open", flag=False)
    form = table.form(table.get("a"), record, "x", {"a-note": "hi"}, prefix="a")
    assert form.record is record and form.is_valid() and form.cleaned_data == {"note": "hi"}


def test_by_action_reads_the_actions_own_permission():
    action = SimpleNamespace(allowed=lambda user, arguments: arguments["case"].owner == user)
    allowed = by_action(action, "case")
    assert allowed("u", SimpleNamespace(owner="u")) and not allowed("v", SimpleNamespace(owner="u"))
