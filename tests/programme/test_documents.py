"""The task ledger and a period's progress reports as official documents, in Word and PDF: the same roles and scope
as their Excel versions, through the same export path (at once when small, in the background when large)."""

from urllib.parse import quote

from django.urls import reverse

from zhichan.core.models import ExportFile, TaskProgress

from ..documents.tools import pdf_pages, word

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_the_ledger_as_a_word_document(client_for, programme):
    url = reverse("programme-ledger-docx", args=[programme.pk]) + "?number=" + quote("南知强办〔2026〕3号")
    reply = client_for("office").get(url)
    assert reply["Content-Type"] == DOCX
    assert f"filename*=UTF-8''{quote('测试工作方案-任务台账.docx')}" in reply["Content-Disposition"]
    document = word(reply.content)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "南知强办〔2026〕3号" and "测试工作方案任务台账" in texts and "各成员单位：" in texts
    assert any(text.startswith("测试工作方案共有任务5项") for text in texts)
    assert texts[-2] == "南安市国家知识产权强县建设示范县工作领导小组办公室"  # the office user's unit signs
    rows = document.tables[0].rows
    assert [row.cells[0].text for row in rows[1:]] == ["4.1", "4.1.1", "4.1.2", "4.2", "5.3"]
    assert round(document.sections[0].top_margin.mm) == 37


def test_the_ledger_as_a_pdf(client_for, programme):
    reply = client_for("leader").get(reverse("programme-ledger-pdf", args=[programme.pk]))
    assert reply["Content-Type"] == "application/pdf" and reply.content.startswith(b"%PDF")
    first = pdf_pages(reply.content)[0]
    assert "测试工作方案任务台账" in first and "4.1.2" in first


def test_period_reports_as_documents_are_scoped(client_for, task, q1):
    for username, key in [("amr-liaison", "lead"), ("court-liaison", "co")]:
        unit = task.assignments.get(role=key).unit
        client_for(username).post(reverse("report-open", args=[task.pk]), {"unit": unit.pk, "period": q1.key})
    query = f"?period={q1.key}"

    def units(username):
        reply = client_for(username).get(reverse("programme-reports-docx", args=[task.programme.pk]) + query)
        return [p.text[3:] for p in word(reply.content).paragraphs if p.text.startswith("（")]

    assert units("office") == ["市市场监管局", "市法院"]
    assert units("court-liaison") == ["市法院"]
    reply = client_for("court-liaison").get(reverse("programme-reports-pdf", args=[task.programme.pk]) + query)
    text = "".join(pdf_pages(reply.content))
    assert "测试工作方案" in text and "市法院" in text and "市市场监管局" not in text


def test_a_large_document_is_built_in_the_background_for_its_asker(client_for, programme, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    client = client_for("office")
    reply = client.get(reverse("programme-ledger-pdf", args=[programme.pk]))
    progress = TaskProgress.objects.get()
    assert reply.status_code == 302 and progress.state == "done"
    export = ExportFile.objects.get()
    assert export.name == "测试工作方案-任务台账.pdf" and export.file.name.endswith(".pdf")
    download = client.get(reverse("export-download", kwargs={"pk": export.pk}))
    assert download["Content-Type"] == "application/pdf" and download.content.startswith(b"%PDF")


def test_the_pages_offer_word_and_pdf_beside_excel(client_for, programme):
    page = client_for("amr-liaison").get(reverse("programme-overview", args=[programme.pk])).content.decode()
    for name, testid in [("programme-ledger-docx", "ledger-docx"), ("programme-ledger-pdf", "ledger-pdf")]:
        assert f'href="{reverse(name, args=[programme.pk])}"' in page and f'data-testid="{testid}"' in page
    for name in ["programme-reports-docx", "programme-reports-pdf"]:
        assert f'formaction="{reverse(name, args=[programme.pk])}"' in page


def test_the_closing_review_workbook_takes_the_same_path(client_for, programme, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    client = client_for("leader")
    reply = client.get(reverse("programme-closing-export", args=[programme.pk]))
    assert reply.status_code == 302
    export = ExportFile.objects.get()
    assert export.name.endswith("-测试工作方案.xlsx") and export.file.name.endswith(".xlsx")
    download = client.get(reverse("export-download", kwargs={"pk": export.pk}))
    assert download["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
