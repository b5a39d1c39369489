"""Reading back the QR codes kb.qr draws: the modules of an SVG path, and what a QR reader decodes."""

from __future__ import annotations

import re

import zxingcpp

from kb.qr import DARK, QUIET_ZONE

MOVE = re.compile(r"([Mm])(-?\d+) (-?\d+(?:\.5)?)h(\d+)")


def drawn(data: str, size: int) -> bytes:
    """The modules an SVG path of kb.qr draws, read back independently of how it was written."""
    grid = bytearray([255]) * (size * size)
    x = y = 0.0
    consumed = 0
    for match in MOVE.finditer(data):
        assert match.start() == consumed, f"unexpected path data at {consumed}: {data[consumed:consumed + 20]}"
        consumed = match.end()
        command, dx, dy, length = match.group(1), int(match.group(2)), float(match.group(3)), int(match.group(4))
        x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
        row = int(y - 0.5) - QUIET_ZONE
        assert y % 1 == 0.5 and 0 <= row < size, "a line runs through the middle of a module row"
        start = int(x) - QUIET_ZONE
        assert 0 <= start and start + length <= size, "a line stays inside the code"
        grid[row * size + start:row * size + start + length] = bytes([DARK]) * length
        x += length
    assert consumed == len(data)
    return bytes(grid)


def decode(page_svg: str) -> str | None:
    """What a QR reader finds in an inline SVG of kb.qr, drawn 4 pixels a module."""
    side = int(re.search(r'viewBox="0 0 (\d+) \1"', page_svg).group(1))
    size = side - 2 * QUIET_ZONE
    data = re.search(r'class="kb-qr__modules"[^>]* d="([^"]+)"', page_svg).group(1)
    grid = drawn(data, size)
    scale = 4
    rows = []
    for y in range(-QUIET_ZONE, size + QUIET_ZONE):
        row = bytes(grid[y * size + x] if 0 <= x < size and 0 <= y < size else 255
                    for x in range(-QUIET_ZONE, size + QUIET_ZONE))
        rows += [bytes(byte for byte in row for _ in range(scale))] * scale
    pixels = b"".join(rows)  # kept in a variable: the view does not hold on to its buffer
    image = zxingcpp.ImageView(pixels, side * scale, side * scale, zxingcpp.ImageFormat.Lum)
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return None if found is None else found.text
