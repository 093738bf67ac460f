"""Reporters: results in, files out. They read Results and nothing else.

Every report is rendered in memory first and then written atomically (a temporary file beside
it, then a rename), and only after the evaluation succeeded: a failed run never leaves a
half-written report. The same results give byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import InputError, Problem
from ..results import Results
from .jsonreport import render_json

Renderer = Callable[[Results], str]


def renderers() -> dict[str, Renderer]:
    """Report formats by their option name, for `claimwatch check --json/--md/--html/--claimreview`."""
    out: dict[str, Renderer] = {"json": render_json}
    try:
        from .markdown import render_markdown
        out["md"] = render_markdown
    except ImportError:  # being written; the CLI says which formats exist
        pass
    try:
        from .html import render_html
        out["html"] = render_html
    except ImportError:
        pass
    try:
        from .claimreview import render_claimreview
        out["claimreview"] = render_claimreview
    except ImportError:
        pass
    return out


def write_reports(results: Results, targets: Mapping[str, str | Path], *,
                  protected: tuple[str | Path, ...] = ()) -> list[Path]:
    """Render every requested report, then write each atomically; returns the paths written.

    `protected` paths (the evidence) are never written into or over.
    """
    available = renderers()
    for fmt in targets:
        if fmt not in available:
            raise InputError(Problem(f"--{fmt}", 0, 0, f"no {fmt} reporter is available"))
    _refuse_overwriting_inputs(targets, protected)
    rendered = {Path(path): available[fmt](results) for fmt, path in targets.items()}
    for path, text in rendered.items():
        write_atomic(path, text)
    return list(rendered)


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _refuse_overwriting_inputs(targets: Mapping[str, str | Path], protected: tuple[str | Path, ...]) -> None:
    guarded = [Path(p).resolve() for p in protected]
    for fmt, target in targets.items():
        out = Path(target).resolve()
        if out.is_dir():
            raise InputError(Problem(str(target), 0, 0, f"--{fmt} names a folder; give a file path"))
        for g in guarded:
            if out == g or g in out.parents:
                raise InputError(Problem(str(target), 0, 0, f"--{fmt} would write into the evidence at {g}; choose another path"))
