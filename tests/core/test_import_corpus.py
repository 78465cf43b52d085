"""The bad files: each is built here, imported, and must be refused (or its row rejected) with a message a clerk
understands, in Chinese, and leave nothing written. Limits are made small through settings where a real file
over them would be large."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tests.registry.imports_support import do_import, number, rejections, write_csv, write_xlsx
from zhichan.core.imports import reading
from zhichan.core.imports.starting import restart_import
from zhichan.core.imports.workbooks import rejections_workbook
from zhichan.core.models import ImportBatch
from zhichan.core.services.archives import ArchiveRefused, inspect_zip, unsafe_name
from zhichan.registry.models import Patent

pytestmark = pytest.mark.django_db

HEADER = ["申请号", "申请日", "发明名称", "专利类型"]
GOOD = [number(2020, "1", 1), "2020-01-01", "一种阀门", "发明"]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" '
    'sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main">'
)


def workbook(path, rows_xml, dimension=None, repeat=1):
    """An .xlsx written by hand: its first sheet's XML is `rows_xml` (repeated), under a stated dimension."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(SHEET_START)
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for _ in range(repeat):
                sheet.write(rows_xml)
            sheet.write(b"</sheetData></worksheet>")
    return path


def refused(users, path, *needles):
    """Import `path`: the batch failed, its message (Chinese) holds every needle, and no patent was written."""
    batch = do_import(users["office"], "patent", path)
    assert batch.state == "failed", batch.message
    for needle in needles:
        assert needle in batch.message, (needle, batch.message)
    assert "Traceback" not in batch.message and "EOCD" not in batch.message
    assert Patent.objects.count() == 0
    assert ImportBatch.objects.get(pk=batch.pk).state == "failed"
    return batch


def test_zip_bomb_is_refused_from_the_directory_alone(tmp_path, users):
    # 8 MB of one repeated row compressed into a few kilobytes: the 600 MB sheet in miniature.
    row = b"<row><c><v>1</v></c>" + b"<c><v>1</v></c>" * 30 + b"</row>"
    path = workbook(tmp_path / "bomb.xlsx", row, repeat=8_000_000 // len(row))
    assert path.stat().st_size < 100_000
    refused(users, path, "压缩", "100", "拆分")


def test_sparse_sheet_that_would_unpack_to_a_huge_rectangle_is_refused(tmp_path, users, settings):
    # Two cells, A1 and ZZ200000: a 1.5 kB file that the reader would hold as 140 million cells.
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="200000"><c r="ZZ200000"><v>1</v></c></row>'
    refused(users, workbook(tmp_path / "sparse.xlsx", rows), "ZZ", "500")
    settings.ZHICHAN_IMPORT_MAX_CELLS = 1000
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="C5000"><v>1</v></c></row>'
    refused(users, workbook(tmp_path / "cells.xlsx", rows), "5000", "1000")


def test_a_sheet_whose_cells_lie_beyond_its_stated_dimension_is_refused(tmp_path, users):
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B9000000"><v>1</v></c></row>'
    refused(users, workbook(tmp_path / "lying.xlsx", rows, dimension="A1:B2"), "已损坏")


def test_random_bytes_and_a_program_named_xlsx(tmp_path, users):
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(bytes(range(256)) * 40)
    refused(users, noise, "不是电子表格", "无法识别")
    program = tmp_path / "setup.xlsx"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 2000 + b"This program cannot be run in DOS mode")
    refused(users, program, "不是电子表格", "程序")


def test_a_csv_named_xlsx_is_told_to_be_renamed(tmp_path, users):
    table = tmp_path / "专利清单.xlsx"
    table.write_text("申请号,申请日,名称\n201620363475.1,2016-04-28,一种石材护理装置\n", encoding="gb18030")
    refused(users, table, "专利清单.xlsx", "文本文件", ".csv")


def test_a_damaged_workbook(tmp_path, users):
    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADER, GOOD]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])  # a download cut short: no directory at the end
    refused(users, cut, "已损坏")


def test_a_zip_that_holds_no_workbook(tmp_path, users):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a sheet")
    refused(users, path, "不是电子表格", "ZIP")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_pdf_that_turns_into_html_is_refused_whatever_its_name(tmp_path, users, suffix):
    path = tmp_path / f"polyglot{suffix}"
    path.write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n<html><script>alert(1)</script></html>\n" + "申请号,申请日\n".encode()
    )
    refused(users, path, "不是电子表格", "PDF")


def test_latin1_csv_names_the_line_and_the_encodings_tried(tmp_path, users):
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(HEADER).encode("utf-8") + b"\r\n" + b"2020,Caf\xe9 \xe0 la cr\xe8me,x\r\n")
    refused(users, path, "第 2 行", "UTF-8", "GB18030")


def test_a_nul_byte_refuses_its_row_naming_row_and_column(tmp_path, users):
    path = write_csv(tmp_path / "nul.csv", [HEADER, [GOOD[0], GOOD[1], "一种\x00阀门", GOOD[3]]])
    batch = do_import(users["office"], "patent", path)
    assert batch.state == "done" and Patent.objects.count() == 0
    [(row, field, value, reason)] = rejections(batch)
    assert (row, field, value) == (2, "发明名称", "一种\u2400阀门")
    assert "控制字符" in reason and "U+0000" in reason
    book = rejections_workbook(batch, path)
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        xml = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))
    assert b"_x0000_" not in xml and "一种阀门".encode() in xml


def test_a_million_character_cell_is_refused_naming_row_column_and_limit(tmp_path, users):
    path = write_csv(tmp_path / "long.csv", [HEADER, GOOD, [number(2020, "1", 2), "2020-01-01", "长" * 1_000_000, ""]])
    refused(users, path, "第 3 行", "C 列", "1000000", "32767")


def test_a_million_character_cell_in_a_workbook(tmp_path, users, settings):
    settings.ZHICHAN_IMPORT_MAX_CELL_CHARS = 100
    path = write_xlsx(tmp_path / "long.xlsx", [HEADER, [GOOD[0], GOOD[1], "长" * 101, GOOD[3]]])
    refused(users, path, "第 2 行", "C 列", "101", "100")


def test_an_unterminated_quote_names_the_row_where_it_opened(tmp_path, users):
    lines = [",".join(HEADER), ",".join(GOOD), f'{number(2020, "1", 2)},2020-01-01,"一种阀门,发明']
    lines += [f"{number(2020, '1', n)},2020-01-01,第{n}件,发明" for n in range(3, 8)]
    path = tmp_path / "quote.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    refused(users, path, "第 3 行", "引号")


def test_too_many_rows_and_columns(tmp_path, users, settings):
    settings.ZHICHAN_IMPORT_MAX_ROWS = 3
    rows = [HEADER] + [[number(2020, "1", n), "2020-01-01", f"第{n}件", "发明"] for n in range(1, 5)]
    refused(users, write_csv(tmp_path / "rows.csv", rows), "3 行", "拆分")
    refused(users, write_xlsx(tmp_path / "rows.xlsx", rows), "3 行", "拆分")
    settings.ZHICHAN_IMPORT_MAX_ROWS = 2_000_000
    settings.ZHICHAN_IMPORT_MAX_COLUMNS = 5
    wide = [HEADER + ["甲", "乙"], GOOD + ["1", "2"]]
    refused(users, write_csv(tmp_path / "wide.csv", wide), "6 列", "5")
    refused(users, write_xlsx(tmp_path / "wide.xlsx", wide), "F", "5")


def test_reading_past_the_deadline_is_stopped(tmp_path, users, settings, monkeypatch):
    settings.ZHICHAN_IMPORT_MAX_SECONDS = 0
    monkeypatch.setattr(reading, "DEADLINE_EVERY", 1)
    refused(users, write_csv(tmp_path / "slow.csv", [HEADER, GOOD, GOOD]), "0 秒", "拆分")


def test_oversized_file_names_the_limit_and_how_to_split(tmp_path, users, settings):
    settings.ZHICHAN_IMPORT_MAX_MB = 0
    refused(users, write_csv(tmp_path / "big.csv", [HEADER, GOOD]), "0 MB", "拆分")


def test_a_refused_row_shows_the_cell_as_written(tmp_path, users):
    # An invention's number with 外观设计 stated: the value shown is the cell, not the stored code "design".
    path = write_csv(tmp_path / "type.csv", [HEADER, [GOOD[0], GOOD[1], GOOD[2], "外观设计"]])
    batch = do_import(users["office"], "patent", path)
    [(_row, _field, value, _reason)] = rejections(batch)
    assert value == "外观设计"


def test_the_batch_page_shows_the_refusal_and_no_running_bar(tmp_path, users, client_for):
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(bytes(range(256)) * 4)
    batch = do_import(users["office"], "patent", noise)
    page = client_for("office").get(f"/registry/imports/{batch.pk}/").content.decode()
    assert "不是电子表格" in page and "progress-bar-animated" not in page and 'hx-trigger="every' not in page
    assert page.count("不是电子表格") == 1  # said once, not again in the task's line
    assert 'data-testid="import-restart"' not in page  # the same file would be refused again
    with pytest.raises(ValidationError, match="重新上传"):
        restart_import(users["office"], batch)


def test_the_command_prints_the_message_and_fails(tmp_path, users):
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"\xe9t\xe9\r\n")
    with pytest.raises(CommandError) as caught:
        call_command("import_data", "patent", str(path), "--user", "office", "--language", "zh-hans")
    assert "UTF-8" in str(caught.value) and "第 1 行" in str(caught.value)


def test_archive_names_that_leave_their_folder_are_refused(tmp_path):
    assert unsafe_name("../../etc/passwd") and unsafe_name("/etc/passwd") and unsafe_name("C:\\x")
    assert not unsafe_name("xl/worksheets/sheet1.xml")
    path = tmp_path / "escape.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/../../evil.txt", "x")
    with pytest.raises(ArchiveRefused) as caught:
        inspect_zip(path, max_unpacked=1 << 20, max_ratio=100)
    assert caught.value.problem == "name"


def test_unicode_text_from_excel_imports(tmp_path, users):
    # Excel's "Unicode text": UTF-16 with a byte order mark, tab separated.
    path = tmp_path / "unicode.csv"
    path.write_bytes("\r\n".join("\t".join(row) for row in [HEADER, GOOD]).encode("utf-16"))
    batch = do_import(users["office"], "patent", path)
    assert batch.state == "done" and Patent.objects.count() == 1, batch.message


def test_a_line_in_another_encoding_far_into_the_file_is_named(tmp_path, users):
    rows = [",".join(HEADER)] + [f"{number(2020, '1', n)},2020-01-01,第{n}件,发明" for n in range(1, 3001)]
    path = tmp_path / "late.csv"
    path.write_bytes("\r\n".join(rows).encode("utf-8") + b"\r\nx,2020-01-01,Caf\xe9,\r\n")
    refused(users, path, "第 3002 行", "UTF-8", "GB18030")
