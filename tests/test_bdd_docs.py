"""docs/authoring.md lists every step of the library, as the library describes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.bdd.__main__ import main
from claimwatch.bdd.reference import BEGIN, END, step_reference, with_reference
from claimwatch.bdd.steps import LIBRARY

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"


def test_every_step_and_phrasing_is_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [
        f"{step.kind.capitalize()} {shown}"
        for step in LIBRARY
        for shown in step.shown
        if f"`{step.kind.capitalize()} {shown}`" not in guide
    ]
    assert not missing, f"not in {GUIDE.name} (run: python -m claimwatch.bdd docs/authoring.md): {missing}"


def test_the_guides_step_list_is_the_generated_one() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert with_reference(guide) == guide, "run: python -m claimwatch.bdd docs/authoring.md"


def test_every_step_is_documented_and_grouped_by_keyword() -> None:
    reference = step_reference()
    assert reference.index("### Given") < reference.index("### When") < reference.index("### Then")
    assert all(step.doc for step in LIBRARY)
    assert {step.kind for step in LIBRARY} == {"given", "when", "then"}


def test_the_command_rewrites_a_stale_step_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "guide.md"
    stale.write_text(f"# Guide\n\n{BEGIN}\n- **`Given an old step`**\n{END}\n\nAfter.\n", encoding="utf-8")
    assert main([str(stale)]) == 0
    text = stale.read_text(encoding="utf-8")
    assert "an old step" not in text
    assert text == f"# Guide\n\n{BEGIN}\n\n{step_reference()}\n{END}\n\nAfter.\n"
    assert main([str(stale)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{stale}: step list updated",
        f"{stale}: step list already current",
    ]


def test_a_document_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="has no generated section"):
        with_reference("# Guide without a step list\n")


@pytest.mark.parametrize("text", [None, "# Guide without a step list\n", b"\xff\xfe not UTF-8"])
def test_the_command_refuses_a_document_it_cannot_update_in_one_line(tmp_path, capsys, text) -> None:
    """Found in the twenty-fourth part: a missing file or one without the markers gave a traceback."""
    doc = tmp_path / "guide.md"
    if isinstance(text, bytes):
        doc.write_bytes(text)
    elif text is not None:
        doc.write_text(text, encoding="utf-8")
    assert main([str(doc)]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(f"{doc}: ") and captured.out == ""
    assert (
        not doc.exists() if text is None else doc.read_bytes() == (text if isinstance(text, bytes) else text.encode())
    )
