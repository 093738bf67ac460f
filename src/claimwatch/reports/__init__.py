"""Reporters: results in, files out. They read Results and nothing else.

Every report is rendered in memory first and then written atomically (a temporary file beside
it, then a rename), and only after the evaluation succeeded: a failed run never leaves a
half-written report. The same results give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError, Problem
from ..files import write_atomic
from ..results import Results
from .claimreview import render_claimreview
from .html import render_html
from .jsonreport import render_json
from .markdown import render_markdown

Renderer = Callable[[Results], str]


def renderers() -> dict[str, Renderer]:
    """Report formats by their option name, for `claimwatch check --json/--md/--html/--claimreview`."""
    return {"json": render_json, "md": render_markdown, "html": render_html, "claimreview": render_claimreview}


def write_reports(
    results: Results,
    targets: Mapping[str, str | Path],
    *,
    protected: tuple[str | Path, ...] = (),
    command: Sequence[str] = (),
) -> list[Path]:
    """Render every requested report, then write each atomically; returns the paths written.

    `protected` paths (the evidence) are never written into or over. `command`, the command line
    that ran the check, goes into every report's reproducibility record.
    """
    available = renderers()
    for fmt in targets:
        if fmt not in available:
            raise InputError(Problem(f"--{fmt}", 0, 0, f"no {fmt} reporter is available"))
    _refuse_overwriting_inputs(targets, protected)
    if command:
        results = results.model_copy(update={"command": tuple(command)})
    rendered = {Path(path): available[fmt](results) for fmt, path in targets.items()}
    for path, text in rendered.items():
        write_atomic(path, text)
    return list(rendered)


def _refuse_overwriting_inputs(targets: Mapping[str, str | Path], protected: tuple[str | Path, ...]) -> None:
    guarded = [Path(p).resolve() for p in protected]
    for fmt, target in targets.items():
        out = Path(target).resolve()
        if out.is_dir():
            raise InputError(Problem(str(target), 0, 0, f"--{fmt} names a folder; give a file path"))
        for g in guarded:
            if out == g or g in out.parents:
                raise InputError(
                    Problem(str(target), 0, 0, f"--{fmt} would write into the evidence at {g}; choose another path")
                )
