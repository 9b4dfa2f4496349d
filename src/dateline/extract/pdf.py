"""PDF -> Article: the text layer and link annotations laid out as a text dump, then read as one.

A news PDF is almost always a printed web page, so after turning each page into lines (with a blank
line where the page shows a vertical gap, and the page's link URLs after its text, as print-to-text
tools write them) the text-dump reader does the rest.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from dateline.errors import DocumentError
from dateline.record import Article

#: a gap between lines wider than this share of the line height is a paragraph break
PARAGRAPH_GAP = 0.6
MAX_PAGES = 200


@dataclass
class _Line:
    top: float
    bottom: float
    left: float
    text: str


def pdf_to_dump(content: bytes, origin: str) -> str:
    """The PDF's text in the text-dump layout: per page its lines, a blank line, its link URLs."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as error:
        raise DocumentError(origin, f"unreadable PDF ({error})") from None
    try:
        if len(document) == 0:
            raise DocumentError(origin, "PDF has no pages")
        pages = []
        for index in range(min(len(document), MAX_PAGES)):
            try:
                page = document[index]
                lines = _page_lines(page)
                links = _page_links(document, page)
            except pdfium.PdfiumError as error:  # a damaged page tree: found by fuzzing
                raise DocumentError(origin, f"unreadable PDF page {index + 1} ({error})") from None
            pages.append(_layout_page(lines, links))
        return "\f".join(pages)
    finally:
        document.close()


def read_pdf(content: bytes, origin: str) -> Article:
    from dateline.extract.textdump import read_text_dump

    dump = pdf_to_dump(content, origin)
    if not dump.replace("\f", "").strip():
        raise DocumentError(origin, "PDF has no text layer (scanned images only; OCR it first)")
    return read_text_dump(dump, origin)


def _page_lines(page: object) -> list[_Line]:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    lines: list[_Line] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", " ")
        text = text.strip()
        if not text:
            continue
        previous = lines[-1] if lines else None
        # segments of one printed line share its vertical extent
        if previous and bottom < previous.top and top > previous.bottom and left >= previous.left:
            previous.text += " " + text
        else:
            lines.append(_Line(top, bottom, left, text))
    textpage.close()
    return lines


def _page_links(document: object, page: object) -> list[str]:
    import pypdfium2.raw as pdfium_c

    urls: list[str] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(document, action, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document, action, buffer, size)
        url = buffer.value.decode("utf-8", errors="replace").strip()
        if url.startswith(("http://", "https://", "mailto:")) and url not in urls:
            urls.append(url)
    return urls


def _layout_page(lines: list[_Line], links: list[str]) -> str:
    out: list[str] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is not None:
            height = max(previous.top - previous.bottom, 1.0)
            if previous.bottom - line.top > PARAGRAPH_GAP * height:
                out.append("")
        out.append(line.text)
    text_urls = {line.text for line in lines}
    listed = [url for url in links if url not in text_urls]
    page = "\n".join(out)
    return page + ("\n\n" + "\n".join(listed) if listed else "") + "\n"
