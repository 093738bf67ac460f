"""Reporters: results in, files out. They read Results and nothing else.

Every report is rendered in memory first and then the run's reports are written all or none
(each to a temporary file beside it, then all renamed), and only after the evaluation
succeeded: a failed run never leaves a half-written report or a mix of old and new ones. No
report replaces an input of the run or another report of it. The same results give
byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError, Problem
from ..files import refuse_unsafe_outputs, write_all_atomic
from ..project import case_config
from ..results import Publication, Results
from .claimreview import render_claimreview
from .csvreport import render_csv
from .html import render_html
from .jsonreport import json_chunks, render_json
from .markdown import render_markdown

Renderer = Callable[[Results], str]


def renderers() -> dict[str, Renderer]:
    """Report formats by their option name, for `claimwatch check --json/--md/--html/--claimreview/--csv`."""
    return {
        "json": render_json,
        "md": render_markdown,
        "html": render_html,
        "claimreview": render_claimreview,
        "csv": render_csv,
    }


def write_reports(
    results: Results,
    targets: Mapping[str, str | Path],
    *,
    protected: tuple[str | Path, ...] = (),
    command: Sequence[str] = (),
    publication: Publication | None = None,
) -> list[Path]:
    """Render every requested report, then write them all or none; returns the paths written.

    No report is written over an input of the run (its claim, topic and list files, its
    evidence, its reviews file, the claimwatch.toml of the case its claim files are in, and
    anything in `protected`, e.g. evidence folders as given), into an evidence folder, or over
    another report of the same run: any of these is refused before anything is written. `command`, the command line that ran the check, goes into every report's
    reproducibility record; `publication`, the report's title, author, publisher, URL and date,
    goes into every report that shows them.
    """
    available = renderers()
    for fmt in targets:
        if fmt not in available:
            raise InputError(Problem(f"--{fmt}", 0, 0, f"no {fmt} reporter is available"))
    refuse_unsafe_outputs(report_options(targets), [*run_inputs(results), *(("evidence", p) for p in protected)])
    if command:
        results = results.model_copy(update={"command": tuple(command)})
    if publication is not None:
        results = results.model_copy(update={"publication": publication})
    # The JSON report, which grows with the findings, is written in pieces as they are made:
    # never whole in memory (the same text as render_json).
    rendered: dict[Path, str | Iterable[str]] = {
        Path(path): json_chunks(results) if fmt == "json" else available[fmt](results) for fmt, path in targets.items()
    }
    write_all_atomic(rendered)
    return list(rendered)


def report_options(targets: Mapping[str, str | Path]) -> dict[str, str | Path]:
    """Report paths by the option that names them (`--json`), as the output guard words them."""
    return {f"--{fmt}": path for fmt, path in targets.items()}


def run_inputs(results: Results) -> list[tuple[str, str]]:
    """Every file a run read, by kind: what no report of it may replace."""
    inputs = results.inputs
    return [
        *(("claim file", i.path) for i in inputs.claims),
        *(("topic file", i.path) for i in inputs.topics),
        *(("list file", i.path) for i in inputs.lists),
        *(("evidence", i.path) for i in inputs.evidence),
        *(("reviews file", i.path) for i in inputs.reviews),  # the analyst's decisions, read by the run too
        *(("configuration file", str(c)) for c in _case_configs(results)),
    ]


def _case_configs(results: Results) -> list[Path]:
    """The claimwatch.toml of each case the run's claim files are in: the results do not record
    the configuration, and a run from the command line reads the case's (its [report] and
    [review] settings), so a report over it would replace an input."""
    found = (case_config(Path(i.path).parent) for i in results.inputs.claims)
    return sorted({c for c in found if c is not None})
