"""Bad input gets one clear error that names the problem and the fix, never a crash or a hang."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from niapdoc.errors import ReportError
from niapdoc.reading import read_report

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (FIXTURES / "cambodia-sc66.txt").read_bytes()
DOCX = (FIXTURES / "samples" / "cambodia-sc66.docx").read_bytes()
PDF = (FIXTURES / "samples" / "cambodia-sc66.pdf").read_bytes()


def refused(raw: bytes, filename: str = "report.bin") -> str:
    with pytest.raises(ReportError) as caught:
        read_report(raw, filename=filename)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def docx_with(parts: dict[str, bytes], base: bytes = DOCX) -> bytes:
    """The sample DOCX with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info.filename))
        for name, data in parts.items():
            target.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_the_samples_read_as_the_cambodia_report() -> None:
    for raw, name in ((TEXT, "r.txt"), (DOCX, "r.docx"), (PDF, "r.pdf")):
        report = read_report(raw, filename=name)
        assert (report.party_code, report.meeting, len(report.actions)) == ("KH", "SC66", 13)


def test_an_empty_file_is_refused() -> None:
    assert "is empty" in refused(b"", "empty.docx")


def test_a_picture_named_pdf_is_refused_as_a_picture() -> None:
    message = refused(b"\x89PNG\r\n\x1a\n" + bytes(200), "scan.pdf")
    assert message.startswith("scan.pdf is a PNG image") and "send the Word file" in message


def test_an_old_word_file_is_refused_with_the_fix() -> None:
    assert "save the report as .docx" in refused(b"\xd0\xcf\x11\xe0" + bytes(600), "old.doc")


def test_a_truncated_docx_is_refused() -> None:
    assert "damaged or truncated" in refused(DOCX[: len(DOCX) // 2], "cut.docx")


def test_a_truncated_pdf_is_refused() -> None:
    message = refused(PDF[: len(PDF) // 3], "cut.pdf")
    assert "cut.pdf" in message and ("damaged" in message or "no text layer" in message)


def test_an_excel_workbook_is_not_taken_for_word() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "is an Excel workbook, not a Word document" in refused(out.getvalue(), "x.docx")


def test_a_zip_bomb_is_refused_without_unpacking_it() -> None:
    bomb = docx_with({"word/media/padding.bin": bytes(60 * 1024 * 1024)})
    assert len(bomb) < 1_000_000
    assert "zip bomb" in refused(bomb, "bomb.docx")


def test_xml_entities_are_never_resolved() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    message = refused(docx_with({"word/document.xml": evil}), "xxe.docx")
    assert "entities" in message and "root:" not in message


def test_malformed_xml_is_refused() -> None:
    message = refused(docx_with({"word/document.xml": b"<w:document><w:body>"}), "bad.docx")
    assert "not well-formed XML" in message


def test_an_encrypted_pdf_is_refused_with_the_fix() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(PDF)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    message = refused(out.getvalue(), "locked.pdf")
    assert "encrypted with a password" in message and "without one" in message


def test_a_pdf_with_no_text_layer_is_refused_as_a_scan() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    message = refused(out.getvalue(), "scan.pdf")
    assert message == (
        "scan.pdf has no text layer: it is a scan; send the Word file or a PDF saved from Word"
    )


def test_a_document_that_is_not_a_progress_report_is_refused() -> None:
    letter = b"Dear Secretary-General,\n\nPlease find attached our report.\n\nYours sincerely\n"
    assert "does not look like a NIAP progress report" in refused(letter, "letter.txt")


def test_binary_junk_is_refused() -> None:
    assert "binary data" in refused(b"\x00\x01\x02garbage" * 100, "junk.txt")


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    operations = draw(
        st.lists(st.tuples(st.sampled_from("fdit"), st.integers(0, len(data))), max_size=6)
    )
    buffer = bytearray(data)
    for op, position in operations:
        position = min(position, max(len(buffer) - 1, 0))
        if op == "f" and buffer:
            buffer[position] ^= draw(st.integers(1, 255))
        elif op == "d":
            del buffer[position : position + draw(st.integers(1, 64))]
        elif op == "i":
            buffer[position:position] = draw(st.binary(min_size=1, max_size=32))
        else:
            del buffer[position:]
    return bytes(buffer)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    data, name = draw(st.sampled_from([(TEXT, "m.txt"), (DOCX, "m.docx"), (PDF, "m.pdf")]))
    return _mutate(data, draw), name


def _report_or_clean_error(raw: bytes, name: str) -> None:
    try:
        report = read_report(raw, filename=name)
    except ReportError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    from niapdoc.model import validate

    validate(report.to_dict())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.json"]))
def test_arbitrary_bytes_give_a_report_or_a_clean_error(raw: bytes, name: str) -> None:
    _report_or_clean_error(raw, name)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_give_a_report_or_a_clean_error(case: tuple[bytes, str]) -> None:
    _report_or_clean_error(*case)
