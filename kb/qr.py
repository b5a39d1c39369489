"""QR codes of page URLs as inline SVG.

zxing-cpp (C++) encodes; this module only draws the modules as one SVG path.
It replaced segno, pure Python, which took about 2 ms a URL: several seconds
of CPU for the two languages of a large site, competing with the two build
processes for the machine's cores (benchmarks/results.md).

A module of its own, not part of the hook, so tests can import it: MkDocs
loads hook files under names that cannot be imported again.
"""

from __future__ import annotations

import html
import re

import zxingcpp

QUIET_ZONE = 4  # light modules around the code, as the QR standard asks
DARK = 0  # zxing-cpp's images: one byte a module, 0 dark, 255 light
DARK_RUN = re.compile(rb"\x00+")


def modules(url: str) -> tuple[int, bytes]:
    """The code's width in modules and its modules row by row (``DARK`` or 255), quiet zone left out."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    return image.shape[1], bytes(image)


def path(size: int, matrix: bytes) -> str:
    """SVG path data drawing each horizontal run of dark modules as a line one module thick.

    Moves after the first are relative (``m``), which keeps the path short:
    every page carries its code twice, on screen and in the print footer.
    """
    parts: list[str] = []
    pen_x = pen_row = 0
    for row in range(size):
        start = row * size
        for run in DARK_RUN.finditer(matrix, start, start + size):
            x, length = run.start() - start + QUIET_ZONE, run.end() - run.start()
            if parts:
                parts.append(f"m{x - pen_x} {row - pen_row}h{length}")
            else:  # absolute, to the middle of the module row
                parts.append(f"M{x} {row + QUIET_ZONE}.5h{length}")
            pen_x, pen_row = x + length, row
    return "".join(parts)


def svg(url: str, title: str) -> str:
    """An inline, scalable SVG QR code for ``url`` (error correction M), with ``title`` for screen readers."""
    size, matrix = modules(url)
    side = size + 2 * QUIET_ZONE
    return (f'<svg viewBox="0 0 {side} {side}" class="kb-qr"><title>{html.escape(title)}</title>'
            f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
            f'<path class="kb-qr__modules" stroke="#000" d="{path(size, matrix)}"/></svg>')
