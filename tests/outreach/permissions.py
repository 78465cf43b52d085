"""Who may open each page and endpoint of the outreach module, and rows to try them with: a training of 市市场监管局
(whose liaison is a demo account) in 水头镇 and one of 市科技局 in 溪美街道, and a round of the county's survey.
Every member of staff reads the activities of its scope; the office and a member unit's liaison enter activities,
and on an activity's page its organiser's liaison and the office. The survey is the office's, read by the
leadership. The sign-in page and the survey's questionnaire are public: anyone holding the address opens them."""

from zhichan.core.roles import EVERYONE, LIAISONS, SEE_ALL, STAFF, Role

CREATORS = frozenset({Role.OFFICE, *LIAISONS})
OFFICE = frozenset({Role.OFFICE})

EXPECTED = {
    "activity-list": (STAFF, STAFF),
    "activity-export": (STAFF, STAFF),
    "activity-new": (CREATORS, CREATORS),
    "activity-detail": (STAFF, CREATORS),
    "activity-step": (STAFF, CREATORS),
    "activity-sheet": (STAFF, STAFF),
    "survey-list": (SEE_ALL, OFFICE),
    "survey-new": (OFFICE, OFFICE),
    "survey-detail": (SEE_ALL, OFFICE),
    "survey-step": (SEE_ALL, OFFICE),
    "survey-export": (SEE_ALL, SEE_ALL),
    "activity-sign-in": (EVERYONE, EVERYONE),
    "survey-page": (EVERYONE, EVERYONE),
    "api:activity-list": (STAFF, CREATORS),
    "api:activity-detail": (STAFF, CREATORS),
    "api:activity-step": (STAFF, CREATORS),
    "api:surveyround-list": (SEE_ALL, OFFICE),
    "api:surveyround-detail": (SEE_ALL, OFFICE),
    "api:surveyround-step": (SEE_ALL, OFFICE),
}

SIGN_IN_TOKEN = "permissions-activity"
SURVEY_TOKEN = "permissions-round"
URL_KWARGS = {"activity-sign-in": {"token": SIGN_IN_TOKEN}, "survey-page": {"token": SURVEY_TOKEN}}


def rows(users):
    from .factories import make_activity, make_round

    make_activity(title="水头培训", token=SIGN_IN_TOKEN)
    make_activity(unit="science", township="350583001", title="溪美培训")
    make_round(token=SURVEY_TOKEN)
