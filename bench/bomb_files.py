"""Hostile files, each written in a few lines: what a parser must survive without costing its caller.

Each PDF is small on disk and expensive to parse: nested form objects multiply the text drawn, a
Flate stream inflates a thousandfold, and a thousand empty pages cost time and memory per page.
Deeply nested HTML is deeper than any recursive walk of its tree can go.
"""

from __future__ import annotations

import zlib


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (numbered from 1; object 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page(contents: int, resources: bytes) -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s >>" % (
        contents,
        resources,
    )


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def nested_forms(depth: int = 40) -> bytes:
    """A page drawing form 1, which draws form 2 twice, ... : 2**depth lines of text from a few kilobytes."""
    first_form = 6
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(4, b"<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"),
        stream(b"/X Do"),
        FONT,
    ]
    for level in range(depth):
        number = first_form + level
        if level == depth - 1:
            content, inner = b"BT /F1 12 Tf 72 700 Td (bomb text) Tj ET", b""
        else:
            content, inner = b"/X Do /X Do", b"/XObject << /X %d 0 R >>" % (number + 1)
        resources = b"/Resources << /Font << /F1 5 0 R >> %s >>" % inner
        objects.append(stream(content, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources))
    return pdf(objects)


def flate_bomb(inflated_bytes: int = 1 << 29) -> bytes:
    """One page whose content stream inflates to `inflated_bytes` of drawing operators.

    One chunk is deflated once and its block repeated: after a full flush each block stands alone.
    """
    chunk = b"0 0 m " * (1 << 16)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = inflated_bytes // len(chunk)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    packed = b"\x78\xda" + block * count + packer.flush() + checksum.to_bytes(4, "big")
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(4, b"<< >>"),
            stream(packed, b"/Filter /FlateDecode"),
        ]
    )


def many_pages(count: int = 1000) -> bytes:
    """`count` pages sharing one line of text."""
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        stream(b"BT /F1 12 Tf 72 700 Td (A page of the report.) Tj ET"),
        FONT,
    ]
    objects += [_page(3, b"<< /Font << /F1 4 0 R >> >>") for _ in range(count)]
    return pdf(objects)


def nested_html(depth: int = 100_000, tag: bytes = b"div") -> bytes:
    """A paragraph inside `depth` open `tag`s (a parser closes them at the end): 5 bytes a level for `<div>`."""
    return b"<html><body>" + b"<%s>" % tag * depth + b"<p>The monitors visited the prison.</p></body></html>"
