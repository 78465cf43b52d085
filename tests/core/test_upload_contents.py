"""Uploads are read whole by a parser for their type: a file that only starts like a PDF, an image or an office
document, or that is also a web page, is refused with a message naming it and the reason, and nothing is stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from zhichan.core.models import Attachment, Person, Unit
from zhichan.core.services import archives
from zhichan.core.services.attachments import attach

from ..files import JPEG, PDF, PNG, compound_document, content_types, image, ooxml, pdf

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>fetch('/api/v1/tokens/').then(r => r.text()).then(alert)</script></body></html>"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    yield tmp_path


@pytest.fixture
def person():
    return Person.objects.create(name="市场监管局知识产权专员", unit=Unit.objects.get(key="amr"), is_ip_staff=True)


def zipped(entries: dict, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf_with_script() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_open_action(JavaScript("app.alert('opened');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_opening_a_program() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(launch)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def no_pages_pdf() -> bytes:
    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


WORD = "word/document.xml"
BAD_FILES = [
    # (name, content, reason in Chinese)
    ("判决书.pdf", b"%PDF-1.4\n" + SCRIPT + b"\n%%EOF\n", "PDF 文件已损坏，无法读取"),
    ("判决书.pdf", b"%PDF-1.4\n" + SCRIPT, "PDF 文件不完整"),
    ("判决书.pdf", PDF[: len(PDF) // 2], "PDF 文件不完整"),
    ("判决书.pdf", PDF.replace(b"%%EOF", b"%%EOF\n" + SCRIPT), "含有网页代码（<script）"),
    ("判决书.pdf", PDF.replace(b"%PDF-1.3\n", b"%PDF-1.3\n%<html>\n"), "含有网页代码（<html）"),
    ("判决书.pdf", pdf_with_script(), "含有打开或点击时运行的脚本或程序"),
    ("判决书.pdf", pdf_opening_a_program(), "含有打开或点击时运行的脚本或程序"),
    ("判决书.pdf", encrypted_pdf(), "PDF 文件设有密码"),
    ("判决书.pdf", no_pages_pdf(), "PDF 文件没有页面"),
    ("照片.png", b"\x89PNG\r\n\x1a\n" + SCRIPT, "图片已损坏或不完整"),
    ("照片.png", PNG + SCRIPT, "含有网页代码（<script）"),
    ("照片.png", PNG[:-20], "图片已损坏或不完整"),
    ("照片.jpg", JPEG[: len(JPEG) // 2], "图片已损坏或不完整"),
    ("照片.jpg", b"\xff\xd8\xff\xe0" + bytes(64), "图片已损坏或不完整"),
    (
        "通知.docx",
        ooxml(WORD, extra={"../../../etc/cron.d/job": "* * * * * root sh"}),
        "压缩包中有一个名为 ../../../etc/cron.d/job 的文件，指向压缩包之外",
    ),
    ("通知.docx", ooxml(WORD, extra={"/etc/passwd": "x"}), "名为 /etc/passwd 的文件"),
    ("通知.docx", ooxml(WORD, extra={"C:\\Windows\\x.dll": "x"}), "名为 C:\\Windows\\x.dll 的文件"),
    ("通知.docx", ooxml(WORD, extra={"word/vbaProject.bin": b"\x00" * 8}), "文档含有宏"),
    (
        "通知.docx",
        zipped({"[Content_Types].xml": content_types(), WORD: "<x/>"}),
        "文档的主体部分（word/document.xml）未按其类型声明",
    ),
    ("通知.docx", zipped({"[Content_Types].xml": "<Types", WORD: "<x/>"}), "部件清单（[Content_Types].xml）已损坏"),
    ("台账.xlsx", ooxml("xl/workbook.xml", content_type="application/xml"), "未按其类型声明"),
    ("旧表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + SCRIPT, "文档已损坏"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(
    users, person, media, name, content, reason
):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        attach(users["amr-liaison"], person, SimpleUploadedFile(name, content))
    message = error.value.messages[0]
    assert message.startswith(f"{name} 未被接受：") and reason in message, message
    assert not Attachment.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_the_reason_reads_in_english_too(users, person):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        attach(users["amr-liaison"], person, SimpleUploadedFile("照片.png", PNG + SCRIPT))
    assert error.value.messages[0] == "照片.png cannot be accepted: it contains web page code (<script)."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("扫描件.pdf", PDF),
        ("多页.pdf", pdf(3)),
        ("照片.png", PNG),
        ("照片.jpg", image("JPEG", (640, 480))),
        ("动图.gif", image("GIF")),
        ("通知.docx", ooxml(WORD)),
        ("旧表.xls", compound_document()),
        ("文本.odt", zipped({"mimetype": "application/vnd.oasis.opendocument.text"}, compression=zipfile.ZIP_STORED)),
    ],
)
def test_sound_files_of_every_kind_are_kept(users, person, media, name, content):
    attachment = attach(users["amr-liaison"], person, SimpleUploadedFile(name, content))
    assert (media / attachment.file.name).read_bytes() == content


def test_an_image_past_the_pixel_limit_is_refused_before_it_is_decoded(users, person, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        attach(users["amr-liaison"], person, SimpleUploadedFile("大图.png", image("PNG", (20, 20))))
    assert "the image is too large (more than 100 pixels)" in error.value.messages[0]
    assert not Attachment.objects.exists()


class TestArchives:
    """The shared check of ZIP archives: what an office document, or any archive read later, may hold."""

    def test_names_that_leave_the_archive(self):
        for name in ["../x", "a/../../x", "/abs", "\\\\server\\share\\x", "C:/x", "a\\..\\..\\x", "bad\x00name"]:
            assert archives.unsafe_name(name), name
        for name in ["word/document.xml", "[Content_Types].xml", "xl/..hidden", "a..b/c"]:
            assert not archives.unsafe_name(name), name

    def test_many_members_and_a_large_unpacked_size_are_refused_from_the_directory_alone(self):
        many = io.BytesIO(zipped({f"p/{n}.xml": "" for n in range(30)}))
        with translation.override("en"), pytest.raises(archives.UnsafeArchive, match="holds 30 files; at most 20"):
            archives.inspect(many, max_members=20)
        assert many.tell() == 0
        bomb = io.BytesIO(zipped({"xl/worksheets/sheet1.xml": b"0" * (3 * 1024 * 1024)}))
        assert len(bomb.getvalue()) < 20_000
        with translation.override("en"), pytest.raises(archives.UnsafeArchive, match="unpacks to 3 MB; at most 2 MB"):
            archives.inspect(bomb, max_unpacked_mb=2)
        assert archives.inspect(bomb).unpacked_bytes == 3 * 1024 * 1024

    def test_an_entry_is_read_no_further_than_its_bound(self):
        data = io.BytesIO(zipped({"big.xml": b"<" * 5000}))
        assert archives.read_bounded(data, "big.xml", 5000) == b"<" * 5000
        with translation.override("en"), pytest.raises(archives.UnsafeArchive, match="larger than 4 KB"):
            archives.read_bounded(data, "big.xml", 4096)

    def test_duplicates_and_damaged_archives(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive, pytest.warns(UserWarning):
            archive.writestr("a.xml", "1")
            archive.writestr("a.xml", "2")
        with translation.override("en"), pytest.raises(archives.UnsafeArchive, match="holds a.xml twice"):
            archives.inspect(buffer)
        with translation.override("en"), pytest.raises(archives.UnsafeArchive, match="not a ZIP archive"):
            archives.inspect(io.BytesIO(b"PK\x03\x04 and then nothing"))
