"""Chinese numerals as used in article numbers (第一千零九十一条, 第二百六十条之一).

Article IDs on the site use Arabic numerals (``art-1091``, ``art-260-1``), so
the build, the checks and the importer all convert with these two functions.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(text: str) -> int:
    """Convert 一千零九十一 → 1091, 十五 → 15. Raise ValueError on anything else."""
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch in UNITS:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            digit = DIGITS.index(ch)
    return total + (digit or 0)


def int_to_chinese(number: int) -> str:
    """Convert 1091 → 一千零九十一, 15 → 十五 (the form statutes use)."""
    if not 0 < number < 10000:
        raise ValueError(f"article numbers run from 1 to 9999, not {number}")
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if pending_zero:
                parts.append("零")
                pending_zero = False
            parts.append(DIGITS[digit] + unit)
        elif parts:
            pending_zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text
