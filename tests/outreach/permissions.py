"""Who may open each page and endpoint of the outreach module, and rows to try them with: a training of 市市场监管局
(whose liaison is a demo account) in 水头镇 and one of 市科技局 in 溪美街道, a round of the county's survey, and schools
in 水头镇 and 溪美街道. Every member of staff reads the activities and schools of its scope; the office and a member
unit's liaison enter them, and on their pages the organiser's (or following unit's) liaison and the office. The
survey is the office's, read by the leadership. The sign-in page and the survey's questionnaire are public: anyone
holding the address opens them."""

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
    "school-list": (STAFF, STAFF),
    "school-export": (STAFF, STAFF),
    "school-new": (CREATORS, CREATORS),
    "school-detail": (STAFF, CREATORS),
    "school-step": (STAFF, CREATORS),
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
    "api:school-list": (STAFF, CREATORS),
    "api:school-detail": (STAFF, CREATORS),
    "api:school-step": (STAFF, CREATORS),
    "api:surveyround-list": (SEE_ALL, OFFICE),
    "api:surveyround-detail": (SEE_ALL, OFFICE),
    "api:surveyround-step": (SEE_ALL, OFFICE),
}

SIGN_IN_TOKEN = "permissions-activity"
SURVEY_TOKEN = "permissions-round"
URL_KWARGS = {"activity-sign-in": {"token": SIGN_IN_TOKEN}, "survey-page": {"token": SURVEY_TOKEN}}


def rows(users):
    from .factories import make_activity, make_round, make_school

    make_activity(title="水头培训", token=SIGN_IN_TOKEN)
    make_activity(unit="science", township="350583001", title="溪美培训")
    import datetime

    from zhichan.outreach.services import survey

    # closed, so that the draft round of `drafts` may open (one round takes answers at a time)
    survey.close_round(make_round(token=SURVEY_TOKEN), None, closed_on=datetime.date(2024, 11, 30))
    make_school(name="水头中学")
    make_school(name="溪美小学", township="350583001", unit="science")


def drafts(users):
    """A survey round still being prepared: the office's alone until it opens; then the leadership's too."""
    from ..core.permissions import Draft
    from .factories import make_round

    survey_round = make_round(title="草稿调查轮次甲乙丙", opened=False)

    def open_once():
        from zhichan.outreach.services import survey

        survey_round.refresh_from_db()
        if survey_round.state == "draft":
            survey.open_round(survey_round, None)

    return [
        Draft(
            row=survey_round,
            markers=["草稿调查轮次甲乙丙"],
            owner="office",
            submit=open_once,
            seen_after={"office", "leader"},
        )
    ]
