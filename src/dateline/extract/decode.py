"""Bytes -> text for documents that do not declare their encoding (text dumps, plain files)."""

from __future__ import annotations

import codecs

from dateline.errors import DocumentError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: control characters that never occur in text (tab, newline, carriage return and form feed do)
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


def bom_encoding(content: bytes) -> str | None:
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return encoding
    return None


def looks_binary(content: bytes) -> bool:
    """Bytes that are not text in any encoding a news page uses (UTF-16 and -32 are told by their BOM)."""
    if bom_encoding(content):
        return False
    head = content[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) * 0.01


def decode_text(content: bytes, origin: str, *, keep_offsets: bool = False) -> str:
    """Decode by BOM, else as UTF-8, else by detection; refuse what decodes to no readable text.

    Line ends become "\n". With ``keep_offsets`` the text keeps the file's length instead, so offsets
    into it are offsets into the file: the "\r" of a "\r\n" becomes a space."""
    encoding = bom_encoding(content)
    if encoding:
        text = content.decode(encoding, errors="replace")
    else:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(content, origin)
    text = text.replace("\r\n", " \n" if keep_offsets else "\n").replace("\r", "\n")
    if sum(1 for ch in text[:8192] if ch in _CONTROL or ch == "\ufffd") > min(len(text), 8192) * 0.01:
        raise DocumentError(origin, "not readable text (binary data or an unknown encoding)")
    return text


def _detect(content: bytes, origin: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is None:
        raise DocumentError(origin, "unknown text encoding (not UTF-8, and no other encoding fits)")
    return str(best)
