"""Public requests for the tests, made through the portal's intake as a visitor without an account."""

import datetime

from zhichan.portal.models import Service
from zhichan.portal.services import requests

RECEIVED = datetime.date(2024, 5, 6)  # a Monday


def make_request(code="pledge-consultation", *, day=RECEIVED, **values):
    service = Service.objects.get(code=code)
    defaults = {
        "matter": values.pop("matter", "请问专利质押融资怎么办理？"),
        "name": "王先生",
        "phone": "13800000000",
        "answers": {"enterprise": "南安某机械有限公司"} if code == "pledge-consultation" else {},
    }
    if values.get("anonymous"):
        defaults.update(name="", phone="")
    defaults.update(values)
    return requests.submit(None, service, day=day, **defaults)
