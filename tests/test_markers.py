"""Pages with generated content fail the build when they lose their marker (kb.markers)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kb import markers
from kb.hooks import glossary


def test_the_marker_is_replaced_by_the_content() -> None:
    assert markers.fill("# 案例\n\n<!-- case-index -->\n", "<!-- case-index -->", "列表", "cases/index.md",
                        "the case list") == "# 案例\n\n列表\n"


def test_a_page_without_its_marker_fails_naming_page_and_marker() -> None:
    with pytest.raises(ValueError, match=r"^about/glossary\.md: the page needs a '<!-- glossary -->' line"):
        page = SimpleNamespace(file=SimpleNamespace(src_uri="about/glossary.md"))
        glossary.on_page_markdown("# 术语表\n", page, SimpleNamespace(theme={"language": "zh"}), None)
