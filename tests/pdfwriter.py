"""Write small text PDFs with link annotations (pypdfium2), for tests and the example PDF.

Run as a script to regenerate examples/storm-ingrid-ferries.pdf from the example text dump.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

LINE_HEIGHT = 14.0
FONT_SIZE = 11.0
TOP = 750.0
LEFT = 60.0


def write_pdf(pages: list[list[str]], links: list[list[str]], path: Path) -> None:
    """``pages``: lines per page ("" = a blank line); ``links``: URLs annotated on each page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument.new()
    for lines, urls in zip(pages, links, strict=True):
        page = document.new_page(612, 792)
        y = TOP
        for line in lines:
            if line:
                text_object = pdfium_c.FPDFPageObj_NewTextObj(document, b"Helvetica", ctypes.c_float(FONT_SIZE))
                encoded = (line + "\x00").encode("utf-16-le")
                buffer = (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
                pdfium_c.FPDFText_SetText(text_object, buffer)
                pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, LEFT, y)
                pdfium_c.FPDFPage_InsertObject(page, text_object)
            y -= LINE_HEIGHT
        for index, url in enumerate(urls):
            annotation = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_LINK)
            pdfium_c.FPDFAnnot_SetURI(annotation, url.encode("utf-8"))
            box = 40.0 + index * 12
            pdfium_c.FPDFAnnot_SetRect(annotation, pdfium_c.FS_RECTF(LEFT, box + 10, LEFT + 100, box))
            pdfium_c.FPDFPage_CloseAnnot(annotation)
        pdfium_c.FPDFPage_GenerateContent(page)
    document.save(str(path))
    document.close()


def dump_to_pdf(dump: str, path: Path) -> None:
    """A text dump (page blocks: text, blank line, link URLs) back into the PDF it could be printed from."""
    pages: list[list[str]] = []
    links: list[list[str]] = []
    for block in dump.replace("\f", "\n\n\n").split("\n\n\n"):
        lines = block.strip("\n").split("\n")
        if not any(lines):
            continue
        urls = []
        while lines and lines[-1].startswith(("http://", "https://")) and lines[-1].count(" ") == 0:
            urls.insert(0, lines.pop())
        while lines and not lines[-1]:
            lines.pop()
        pages.append(lines)
        links.append(urls)
    write_pdf(pages, links, path)


if __name__ == "__main__":
    examples = Path(__file__).resolve().parent.parent / "examples"
    source = examples / "storm-ingrid-ferries.txt"
    target = examples / "storm-ingrid-ferries.pdf"
    dump_to_pdf(source.read_text(encoding="utf-8"), target)
    sys.stdout.write(f"wrote {target}\n")
