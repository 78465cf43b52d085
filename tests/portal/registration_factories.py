"""Enterprise registrations for the tests, made through the portal's own action as a visitor without an account."""

from stdnum.cn import uscc

from zhichan.portal.services import registrations

PASSWORD = "Nanan-shitou-2026"


def code(body: str = "91350583MA0TEXT01") -> str:
    """A valid unified social credit code from its first 17 characters."""
    return body + uscc.calc_check_digit(body)


def make_registration(username="shitou", *, credit_code=None, **values):
    fields = {
        "name": "南安市试点石材有限公司",
        "credit_code": credit_code or code(),
        "contact": "林经理",
        "phone": "13800000001",
        "email": "lin@example.com",
        "username": username,
        "password": PASSWORD,
    }
    fields.update(values)
    return registrations.register(None, **fields)
