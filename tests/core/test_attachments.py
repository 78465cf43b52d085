"""Attachments: one model and one upload path for any record. The type is read from the content, the size is
limited, the file is served only to those who may read its record, and every upload and removal is in the history."""

import hashlib
from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from zhichan.core.models import Attachment, Person, Unit
from zhichan.core.services.attachments import attach, remove

from ..files import JPEG, OFFICE, PDF, PNG, compound_document, ooxml

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with translation.override("en"):
        yield tmp_path


@pytest.fixture
def person():
    """A record of 市市场监管局: its liaison reads and writes it, 市法院's liaison does neither."""
    return Person.objects.create(name="市场监管局知识产权专员", unit=Unit.objects.get(key="amr"), is_ip_staff=True)


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")  # what the browser says


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("会议纪要.pdf", PDF, "application/pdf"),
        ("照片.png", PNG, "image/png"),
        ("照片.JPG", JPEG, "image/jpeg"),
        ("台账.xlsx", ooxml("xl/workbook.xml"), OFFICE + "spreadsheetml.sheet"),
        ("通知.docx", ooxml("word/document.xml"), OFFICE + "wordprocessingml.document"),
        ("旧表.xls", compound_document(), "application/vnd.ms-excel"),
        ("说明.txt", "培训签到共 35 人。\n".encode(), "text/plain"),
        ("名单.csv", "姓名,单位\n张三,市法院\n".encode("gb18030"), "text/csv"),
    ],
)
def test_the_type_is_read_from_the_content(users, person, name, content, content_type):
    attachment = attach(users["amr-liaison"], person, upload(name, content), kind="photo", label="工作照")
    assert (attachment.content_type, attachment.size, attachment.name) == (content_type, len(content), name)
    assert attachment.checksum == hashlib.sha256(content).hexdigest()
    assert attachment.record == person and attachment.uploaded_by == users["amr-liaison"]
    assert attachment.file.read() == content


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("setup.exe", b"MZ\x90\x00\x03", "setup.exe is a program"),
        ("报告.pdf", b"MZ\x90\x00\x03", "报告.pdf is a program"),  # a program renamed is still one
        ("run.txt", b"\x7fELF\x02\x01\x01", "run.txt is a program"),
        ("install.sh", b"#!/bin/sh\nrm -rf /\n", "install.sh is a program"),
        ("报告.pdf", b"\x89PNG\r\n\x1a\n", "报告.pdf does not contain what its name says (.pdf)"),
        ("台账.xlsx", ooxml("word/document.xml"), "台账.xlsx does not contain what its name says (.xlsx)"),
        ("台账.docx", b"PK\x03\x04 not really a zip", "台账.docx does not contain what its name says (.docx)"),
        ("说明.txt", b"\x00\x01\x02binary", "说明.txt does not contain what its name says (.txt)"),
        ("archive.zip", ooxml(), "archive.zip: files of this type are not accepted"),
        ("没有扩展名", b"text", "没有扩展名: files of this type are not accepted"),
        ("空.pdf", b"", "空.pdf is empty"),
    ],
)
def test_programs_mismatches_and_unknown_types_are_refused_naming_the_file(users, person, name, content, problem):
    with pytest.raises(ValidationError) as error:
        attach(users["amr-liaison"], person, upload(name, content))
    assert problem in error.value.messages[0]
    assert not Attachment.objects.exists()


def test_the_caller_may_narrow_the_accepted_types(users, person):
    with pytest.raises(ValidationError) as error:
        attach(users["office"], person, upload("说明.txt", b"text"), accept=(".pdf",))
    assert "accepted are .pdf" in error.value.messages[0]


def test_the_size_is_limited_by_a_setting(users, person, settings):
    settings.ATTACHMENT_MAX_MB = 1
    with pytest.raises(ValidationError) as error:
        attach(users["office"], person, upload("大文件.pdf", PDF + b"0" * (1024 * 1024)))
    assert "大文件.pdf is 1.0 MB; the limit is 1 MB." in error.value.messages[0]
    assert attach(users["office"], person, upload("小文件.pdf", PDF)).size == len(PDF)


def test_only_those_who_may_write_the_record_attach_and_remove(users, person):
    with pytest.raises(PermissionDenied):
        attach(users["court-liaison"], person, upload("a.pdf", PDF))
    with pytest.raises(PermissionDenied):
        attach(users["leader"], person, upload("a.pdf", PDF))  # reads everything, writes nothing
    attachment = attach(users["amr-liaison"], person, upload("a.pdf", PDF))
    with pytest.raises(PermissionDenied):
        remove(users["court-liaison"], attachment)
    with pytest.raises(PermissionDenied):  # the caller's own rule, e.g. "only while the report is a draft"
        attach(users["office"], person, upload("b.pdf", PDF), may_write=lambda user, record: False)


def test_removing_deletes_the_file_once_committed(users, person, media, django_capture_on_commit_callbacks):
    attachment = attach(users["amr-liaison"], person, upload("a.pdf", PDF))
    stored = media / attachment.file.name
    assert stored.exists() and attachment.file.name.startswith(f"attachments/core.person/{person.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        remove(users["amr-liaison"], attachment)
    assert not Attachment.objects.exists() and not stored.exists()


def test_uploads_and_removals_are_in_the_history_with_the_user(users, person):
    attachment = attach(users["amr-liaison"], person, upload("a.pdf", PDF))
    remove(users["office"], attachment)
    history = Attachment.history.filter(record_id=person.pk).order_by("history_date")
    assert [(h.history_type, h.history_user.username, h.name) for h in history] == [
        ("+", "amr-liaison", "a.pdf"),
        ("-", "office", "a.pdf"),
    ]


def test_files_are_scoped_like_their_record(users, person):
    court_person = Person.objects.create(name="法院专员", unit=Unit.objects.get(key="court"), is_ip_staff=True)
    ours = attach(users["amr-liaison"], person, upload("a.pdf", PDF))
    theirs = attach(users["court-liaison"], court_person, upload("b.pdf", PDF))
    assert set(Attachment.objects.visible_to(users["amr-liaison"])) == {ours}
    assert set(Attachment.objects.visible_to(users["leader"])) == {ours, theirs}
    assert set(Attachment.objects.editable_by(users["leader"])) == set()
    assert not Attachment.objects.visible_to(users["enterprise"]).exists()
    assert list(Attachment.objects.on(court_person)) == [theirs]


def test_download_only_for_readers_of_the_record(client, users, person):
    attachment = attach(users["amr-liaison"], person, upload("培训签到表.pdf", PDF))
    url = reverse("attachment-download", args=[attachment.pk])

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(users["court-liaison"])
    assert client.get(url).status_code == 404  # a liaison of another unit does not learn the file exists
    client.force_login(users["amr-liaison"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    # The Chinese name for browsers (RFC 5987), an ASCII one with the right extension for old clients.
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and '.pdf"; ' in disposition
    assert disposition.endswith(f"filename*=UTF-8''{quote('培训签到表.pdf')}")
