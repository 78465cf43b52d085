from zhichan.core.extensions import Todo


def panel(request):
    return ("sample/panel.html", {"notes": 1}) if request.user.is_authenticated else None


def todos(user):
    return [Todo("Sample note to read", "/notes/", kind="sample")] if user.is_authenticated else []


def alerts(day):
    return [{"kind": "sample", "text": "Sample alert"}]


def first_start(stdout, demo=False):
    stdout.write(f"Sample notes: first start (demo={demo})")


def daily(stdout, today):
    stdout.write(f"Sample notes: daily job for {today}")
