"""News and notices on the portal, and the programme's headline figures on its home: the office writes, publishes,
takes off and removes items (actions with their events, refused to everyone else, page and function alike); the
public reads only what is published on or before today — a draft or an item still to come answers 404 by its
number, on every public page and whoever asks; publishing and taking off renew the cached home at once; the
headline figures are only the indicators published on the portal."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from zhichan.core.events import events_of
from zhichan.core.models import Event, Region
from zhichan.indicators.models import IndicatorValue, Reading
from zhichan.indicators.services.loading import load_indicators
from zhichan.indicators.services.readings import publish_reading
from zhichan.portal.models import Notice, NoticeKind
from zhichan.portal.services import news
from zhichan.portal.services.headlines import headline_figures
from zhichan.portal.services.site import running_programme
from zhichan.programme.services.loading import load_programme

pytestmark = pytest.mark.django_db

D = datetime.date
NOT_OFFICE = ("leader", "amr-liaison", "shuitou-liaison", "enterprise")


def today():
    return timezone.localdate()


def _write(user=None, title="南安市召开知识产权工作推进会", body="第一段。\n\n第二段。", **values):
    return news.write(user, kind=values.pop("kind", NoticeKind.NEWS), title=title, body=body, **values)


def _public(url) -> tuple[int, str]:
    response = Client().get(url)
    return response.status_code, response.content.decode()


# --- the actions --------------------------------------------------------------------------------------------


def test_the_office_writes_publishes_takes_off_and_removes_an_item(users):
    office = users["office"]
    notice = _write(office, title="  关于专利质押贴息的通知 ", title_en="Notice on pledge subsidies", kind="notice")
    assert notice.title == "关于专利质押贴息的通知" and notice.published_on is None and notice.created_by == office
    news.write(
        office, notice, kind="notice", title="关于专利质押贴息申报的通知", body="各有关企业：\r\n\r\n请于月底前申报。"
    )
    notice.refresh_from_db()
    assert notice.title == "关于专利质押贴息申报的通知" and notice.body == "各有关企业：\n\n请于月底前申报。"
    news.publish(notice, office, day=today())
    assert notice.published_on == today() and notice.is_public()
    with pytest.raises(ValidationError):
        news.publish(notice, office)
    with pytest.raises(ValidationError):
        news.remove(notice, office)  # published: taken off first
    news.unpublish(notice, office)
    assert Notice.objects.get(pk=notice.pk).published_on is None
    with pytest.raises(ValidationError):
        news.unpublish(notice, office)
    kinds = [event.kind for event in events_of(notice)]
    assert sorted(kinds) == sorted(
        ["portal.notice_written"] * 2 + ["portal.notice_published", "portal.notice_unpublished"]
    )
    published = next(e for e in events_of(notice) if e.kind == "portal.notice_published")
    assert published.user == office and published.data == {"day": today().isoformat()}
    pk = notice.pk
    news.remove(notice, office)
    assert not Notice.objects.filter(pk=pk).exists()
    assert Event.objects.filter(kind="portal.notice_removed", object_id=pk, user=office).exists()


def test_an_item_needs_a_title_and_a_text_and_a_plausible_day(users):
    office = users["office"]
    with pytest.raises(ValidationError) as refused:
        news.write(office, title=" ", body="")
    assert set(refused.value.message_dict) == {"title", "body"}
    with pytest.raises(ValidationError) as refused:
        _write(office, title="标" * 201)
    assert "title" in refused.value.message_dict
    notice = _write(office)
    with pytest.raises(ValidationError):
        news.publish(notice, office, day=D(1900, 1, 1))
    assert Notice.objects.get(pk=notice.pk).published_on is None


@pytest.mark.parametrize("username", NOT_OFFICE)
def test_nobody_but_the_office_may_act(users, username):
    user = users[username]
    with pytest.raises(PermissionDenied):
        _write(user)
    notice = _write(users["office"])
    for act in (news.publish, news.unpublish, news.remove):
        with pytest.raises(PermissionDenied):
            act(notice, user)
    with pytest.raises(PermissionDenied):
        news.write(user, notice, title="改写", body="改写")
    assert Notice.objects.get(pk=notice.pk).title == "南安市召开知识产权工作推进会"
    assert not Event.objects.filter(user=user, kind__startswith="portal.notice").exists()


# --- the office's pages -------------------------------------------------------------------------------------


def test_the_office_writes_and_publishes_on_its_pages(client_for):
    client = client_for("office")
    assert 'data-testid="portal-notices-link"' in client.get(reverse("portal-catalogue")).content.decode()
    assert client.get(reverse("portal-notice-new")).status_code == 200
    empty = client.post(reverse("portal-notice-new"), {"kind": "news", "title": "", "body": ""})
    assert empty.status_code == 400 and not Notice.objects.exists()
    made = client.post(
        reverse("portal-notice-new"),
        {
            "kind": "notice",
            "title": "关于征集专利导航项目的通知",
            "title_en": "Call for patent navigation projects",
            "body": "各企业：\n\n请于月底前报送。",
            "body_en": "Apply by the end of the month.",
        },
    )
    notice = Notice.objects.get()
    assert made.status_code == 302 and made.url == reverse("portal-notice-edit", args=[notice.pk])
    assert notice.kind == "notice" and notice.title_en == "Call for patent navigation projects"
    listed = client.get(reverse("portal-notice-list")).content.decode()
    assert "关于征集专利导航项目的通知" in listed and 'data-state="draft"' in listed
    step = reverse("portal-notice-step", args=[notice.pk])
    ahead = today() + datetime.timedelta(days=3)
    assert client.post(step, {"step": "publish", "day": ahead.isoformat()}).status_code == 302
    notice.refresh_from_db()
    assert notice.published_on == ahead
    assert 'data-state="scheduled"' in client.get(reverse("portal-notice-list")).content.decode()
    assert client.post(step, {"step": "unpublish", "back": "list"}).url == reverse("portal-notice-list")
    assert client.post(step, {"step": "publish"}).status_code == 302
    notice.refresh_from_db()
    assert notice.published_on == today()
    edit = client.get(reverse("portal-notice-edit", args=[notice.pk])).content.decode()
    assert 'data-state="published"' in edit and notice.get_absolute_url() in edit
    refused = client.post(step, {"step": "remove"}, follow=True).content.decode()
    assert Notice.objects.filter(pk=notice.pk).exists() and 'class="alert alert-danger"' in refused
    client.post(step, {"step": "unpublish"})
    assert client.post(step, {"step": "remove"}).url == reverse("portal-notice-list")
    assert not Notice.objects.exists()


def test_the_staff_pages_are_the_offices(client, client_for, users):
    notice = _write(users["office"], title="内部草稿标题")
    pages = [
        reverse("portal-notice-list"),
        reverse("portal-notice-new"),
        reverse("portal-notice-edit", args=[notice.pk]),
    ]
    step = reverse("portal-notice-step", args=[notice.pk])
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
    assert "/accounts/login/" in client.post(step, {"step": "publish"}).url
    for username in ("amr-liaison", "shuitou-liaison", "enterprise"):
        signed_in = client_for(username)
        for url in pages:
            assert signed_in.get(url).status_code == 403, (username, url)
        assert signed_in.post(step, {"step": "publish"}).status_code == 403
        assert signed_in.post(pages[1], {"kind": "news", "title": "冒充", "body": "冒充"}).status_code == 403
    leader = client_for("leader")
    listed = leader.get(pages[0])
    assert listed.status_code == 200 and "内部草稿标题" in listed.content.decode()
    assert 'data-testid="notice-new"' not in listed.content.decode()
    assert leader.get(pages[2]).status_code == 403 and leader.post(step, {"step": "publish"}).status_code == 403
    client_for("office")
    missing = reverse("portal-notice-edit", args=[notice.pk + 1000])
    assert client.get(missing).status_code == 404
    notice.refresh_from_db()
    assert notice.published_on is None and Notice.objects.count() == 1


# --- what the public reads ----------------------------------------------------------------------------------


def test_drafts_and_items_still_to_come_are_never_public(client_for, users):
    office = users["office"]
    shown = _write(office, title="已发布的新闻标题", body="公开正文第一段。\n\n公开正文<b>第二段</b>。")
    news.publish(shown, office, day=today() - datetime.timedelta(days=1))
    draft = _write(office, title="尚未发布的草稿标题", body="草稿正文")
    ahead = _write(office, title="明天才发布的通知标题", body="预定正文", kind="notice")
    news.publish(ahead, office, day=today() + datetime.timedelta(days=1))
    taken_off = _write(office, title="已撤下的新闻标题", body="撤下正文")
    news.publish(taken_off, office)
    news.unpublish(taken_off, office)
    hidden = ("尚未发布的草稿标题", "明天才发布的通知标题", "已撤下的新闻标题", "草稿正文", "预定正文")

    for url in (reverse("portal-home"), reverse("portal-news"), reverse("portal-news") + "?page=2"):
        status, page = _public(url)
        assert status == 200 and "已发布的新闻标题" in page, url  # a page past the last reads the last
        assert not any(text in page for text in hidden), url
    status, page = _public(shown.get_absolute_url())
    assert status == 200 and "<p>公开正文第一段。</p>" in page and "&lt;b&gt;第二段&lt;/b&gt;" in page
    for notice in (draft, ahead, taken_off):
        assert _public(reverse("portal-news-item", args=[notice.pk]))[0] == 404
        # Signed in, the office reads it on its own pages, never at the public address.
        assert client_for("office").get(reverse("portal-news-item", args=[notice.pk])).status_code == 404
    assert _public(reverse("portal-news-item", args=[taken_off.pk + 1000]))[0] == 404


def test_the_news_list_is_newest_first_and_paginated(users):
    office = users["office"]
    for days in range(12):
        notice = _write(office, title=f"第{days:02d}号新闻")
        news.publish(notice, office, day=today() - datetime.timedelta(days=days))
    first = _public(reverse("portal-news"))[1]
    assert first.index("第00号新闻") < first.index("第09号新闻") and "第10号新闻" not in first
    assert "?page=2" in first
    second = Client().get(reverse("portal-news"), {"page": 2}).content.decode()
    assert "第10号新闻" in second and "第11号新闻" in second and "第00号新闻" not in second
    home = _public(reverse("portal-home"))[1]
    assert "第00号新闻" in home and "第03号新闻" in home and "第04号新闻" not in home  # the latest few


def test_the_english_page_reads_the_english_text(users):
    office = users["office"]
    notice = _write(office, title="中文标题", title_en="English title", body="中文正文", body_en="English text")
    news.publish(notice, office)
    only_chinese = _write(office, title="只有中文的标题", body="只有中文的正文")
    news.publish(only_chinese, office)
    client = Client()
    client.get(reverse("portal-language", args=["en"]))
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "English title" in page and "English text" in page and "中文正文" not in page
    assert "只有中文的正文" in client.get(only_chinese.get_absolute_url()).content.decode()


def test_publishing_and_taking_off_renew_the_cached_home(users, django_capture_on_commit_callbacks):
    office = users["office"]
    notice = _write(office, title="推进会新闻标题")
    assert "推进会新闻标题" not in Client().get("/portal/").content.decode()
    assert Client().get("/portal/")["X-Portal-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        news.publish(notice, office)
    renewed = Client().get("/portal/")
    assert "X-Portal-Cache" not in renewed and "推进会新闻标题" in renewed.content.decode()
    assert "推进会新闻标题" in Client().get("/portal/news/").content.decode()
    assert Client().get("/portal/")["X-Portal-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish(notice, office)
    assert "推进会新闻标题" not in Client().get("/portal/").content.decode()
    assert "推进会新闻标题" not in Client().get("/portal/news/").content.decode()


def test_the_home_lists_the_published_trainings_beside_the_news(users):
    from zhichan.outreach.services import activities

    from ..outreach.factories import make_activity

    shown = make_activity(title="公开日历上的培训", speakers="内部讲师名单")
    activities.publish(shown, users["office"])
    make_activity(title="未列入公开日历的培训")
    home = _public(reverse("portal-home"))[1]
    assert "公开日历上的培训" in home and "未列入公开日历的培训" not in home and "内部讲师名单" not in home
    assert reverse("portal-dataset", args=["trainings-calendar"]) in home


# --- the headline figures -----------------------------------------------------------------------------------


def _value(reading, region, period, end, value, revision=None):
    IndicatorValue.objects.create(
        reading=reading,
        indicator=reading.indicator,
        region=region,
        period=period,
        period_end=end,
        value=Decimal(value),
        computed_at=timezone.now(),
        revision=revision or reading.revision,
    )


@pytest.fixture
def programme_figures(users):
    load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")
    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    county = Region.objects.get(code="350583")
    first, second, third = Reading.objects.select_related("indicator").order_by("indicator__order")[:3]
    for reading in (first, second, third):
        _value(reading, county, "2024-11", D(2024, 11, 30), "10.5")
        _value(reading, county, "2024-12", D(2024, 12, 31), "12345.678")
    _value(first, county, "2025-01", D(2025, 1, 31), "99.9", revision=first.revision + 5)  # stale: not read
    office = users["office"]
    publish_reading(first, office, day=D(2025, 1, 2))
    publish_reading(third, office, day=today() + datetime.timedelta(days=2))  # not yet
    return first, second, third


def test_the_headline_figures_are_only_the_published_indicators(programme_figures):
    first, second, third = programme_figures
    figures = headline_figures(running_programme())
    assert [figure.code for figure in figures] == [first.indicator.code]
    figure = figures[0]
    decimals = first.indicator.decimals
    assert figure.value == f"{Decimal('12345.678').quantize(Decimal(1).scaleb(-decimals)):,f}"
    assert figure.as_of == D(2024, 12, 31) and figure.unit == first.indicator.unit_of_measure
    assert figure.target is not None and figure.target.indicator == first.indicator.code
    home = _public(reverse("portal-home"))[1]
    assert f'data-testid="portal-figure-{first.indicator.code}"' in home and first.indicator.name in home
    assert figure.value in home and "2024-12-31" in home and figure.target.display_value in home
    assert reverse("portal-dataset", args=["indicators"]) in home
    for hidden in (second, third):
        assert f"portal-figure-{hidden.indicator.code}" not in home
    # Withdrawn, the figure leaves the home (and the cached copy with it: the withdrawal is an event).
    from zhichan.indicators.services.readings import withdraw_reading

    withdraw_reading(first, None)
    assert headline_figures(running_programme()) == []
    assert 'data-testid="portal-figures"' not in Client().get("/portal/?fresh=1").content.decode()


def test_at_most_six_figures_in_the_indicators_order(programme_figures, users):
    for reading in Reading.objects.all():
        if reading.published_on is None:
            publish_reading(reading, users["office"], day=D(2025, 1, 2))
    figures = headline_figures(running_programme())
    expected = list(
        Reading.objects.filter(published_on__lte=today())
        .order_by("indicator__order", "indicator__code")
        .values_list("indicator__code", flat=True)[:6]
    )
    assert [figure.code for figure in figures] == expected and len(figures) == 6
    assert headline_figures(None) == []
