"""Collecting `.feature` files as tests, and reporting their failures in the analyst's words.

A `.feature` file is collected as a test module that holds one test per scenario, made by
pytest-bdd's own `scenario()` machinery: pytest-bdd runs the steps, renders Scenario Outline
examples, applies tags and writes `--cucumberjson`. No Python file per feature is needed.

Tags become pytest markers, registered here as each feature is collected, so `-m TAG` selects
scenarios under `--strict-markers`. A failure the analyst can act on (an expectation not met, a
mistake in a claim file, a step the library does not know) is reported as the failing step and
a plain message, without a traceback.
"""

from __future__ import annotations

import difflib
import re
import types
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.exceptions import GherkinParseError, StepDefinitionNotFoundError, TokenError
from pytest_bdd.feature import get_feature
from pytest_bdd.gherkin_parser import ERROR_PATTERNS, get_gherkin_document
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate, Step
from pytest_bdd.scenario import get_python_name_generator, scenario, scenario_wrapper_template_registry

from ..documents import not_utf8
from ..errors import ClaimwatchError
from .failures import FeatureFailure, plain
from .steps import CURRENT_STEP, LIBRARY

TEST_PREFIX = "test_"
_TAG = re.compile(r"[A-Za-z0-9][\w-]*")
FAILED_STEP = pytest.StashKey[str]()  # "path:line: Keyword step text" of the step that failed
UNKNOWN_STEP = pytest.StashKey[tuple[str, str]]()  # the type and text of a step no definition reads


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".feature":
        return FeatureFile.from_parent(parent, path=file_path)
    return None


class FeatureFile(pytest.Module):
    """A `.feature` file, collected as a module holding one test function per scenario."""

    _scenarios: types.ModuleType | None = None

    def _getobj(self) -> types.ModuleType:
        if self._scenarios is None:
            self._scenarios = scenarios_module(self.path, self.config)
        return self._scenarios

    def funcnamefilter(self, name: str) -> bool:
        return name.startswith(TEST_PREFIX)

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        items = list(super().collect())
        feature = get_feature(str(self.path.parent), self.path.name)
        for item in items:
            if isinstance(item, pytest.Function):
                template = _template_of(item)
                item.reportinfo = _scenario_location(self.path, feature, template)  # type: ignore[method-assign]
        return items

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, GherkinParseError):
            return "\n".join(gherkin_problems(excinfo.value, _shown(self.path, self.config)))
        if isinstance(excinfo.value, FeatureFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


_LOCATED = re.compile(r"^\(\d+:\d+\): ")


def gherkin_problems(error: GherkinParseError, shown: str) -> list[str]:
    """A feature file Gherkin cannot parse, one line per mistake: `path:line:column: what`.
    pytest-bdd's own message spans four lines (message, line number, the line, the absolute
    path); the parser's errors behind it give each mistake's place."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None) or []
    if not errors:
        return [f"{shown}:{error.line}: {plain(error.message)}"]
    lines = []
    for e in sorted(errors, key=lambda e: (e.location.get("line", 0), e.location.get("column") or 0)):
        line, column = e.location.get("line", error.line), e.location.get("column") or 1
        said = _LOCATED.sub("", str(e))
        if said == "inconsistent cell count within the table":
            said = _ragged_row(error.filename, line)
        elif expected := _EXPECTED.fullmatch(said):
            said = _unexpected(said, expected)
        lines.append(f"{shown}:{line}:{column}: {plain(said)}")
    return lines


_EXPECTED = re.compile(r"(?:unexpected end of file, )?expected: (.*?)(?:, got '(.*)')?")
_TOKENS = {
    "#EOF": "the end of the file",
    "#Language": "a language line",
    "#TagLine": "a tag",
    "#FeatureLine": "Feature:",
    "#RuleLine": "Rule:",
    "#BackgroundLine": "Background:",
    "#ScenarioLine": "Scenario:",
    "#ExamplesLine": "Examples:",
    "#StepLine": "a step",
    "#DocStringSeparator": 'a docstring\'s """',
    "#TableRow": "a table row",
    "#Comment": "a comment",
    "#Empty": "an empty line",
    "#Other": "text",
}


def _unexpected(said: str, expected: re.Match[str]) -> str:
    """A line the parser did not expect where it stands (or a file ending too soon), in words:
    pytest-bdd's own sentence where it has one for the line, else what could stand there."""
    named = next((m for pattern, kind, m in ERROR_PATTERNS if kind is not TokenError and pattern.search(said)), None)
    if named:
        return named
    could = ", ".join(dict.fromkeys(_TOKENS.get(t.strip(), t.strip()) for t in expected.group(1).split(",")))
    got = expected.group(2)
    if got is None:
        return f"the file ends too soon: Gherkin expected {could}"
    return f"\u201c{got}\u201d cannot stand here: Gherkin expected {could}"


def _ragged_row(filename: str, line: int) -> str:
    """What is wrong with a table row whose cells do not number its first row's."""
    try:
        text = Path(filename).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        text = []
    if not 0 < line <= len(text):
        return "this row's cells are not as many as the table's first row's; give every row as many"
    first = line - 1
    while first > 0 and text[first - 1].strip().startswith("|"):
        first -= 1
    row, header = _cells(text[line - 1]), _cells(text[first])
    return (
        f"this row has {row} cell{'s' if row != 1 else ''} where the table's first row (line {first + 1}) "
        f"has {header}; give every row of a table as many cells as its first row"
    )


def _cells(row: str) -> int:
    """The cells of a Gherkin table row: the bars between them, escaped ones (\\|) aside."""
    return re.sub(r"\\.", "", row.strip()).count("|") - 1


def scenarios_module(path: Path, config: pytest.Config) -> types.ModuleType:
    """A module object holding one pytest-bdd scenario test per scenario of the feature file."""
    module = types.ModuleType("claimwatch_feature_" + re.sub(r"\W", "_", str(path)))
    feature = _parsed(path, config)
    _refuse_duplicate_scenarios(path, config)
    if unfilled := [said for t in feature.scenarios.values() for said in _unfilled_outline(t, _shown(path, config))]:
        raise FeatureFailure("\n".join(unfilled))
    register_tags(config, path, feature)
    for name, template in feature.scenarios.items():
        # Its own Then steps: one in the Background checks what the Background evaluated.
        own_then = any(s.type == "then" and s.background is None for s in template.steps)
        where = f"{_shown(path, config)}:{template.line_number}"
        after = _after_the_steps if own_then else _checks_nothing(where, name)
        test = scenario(path.name, name, features_base_dir=str(path.parent))(after)
        test.__module__ = module.__name__
        test_name = next(n for n in get_python_name_generator(name) if n not in module.__dict__)
        module.__dict__[test_name] = test
    return module


def _checks_nothing(where: str, name: str) -> Any:
    """What runs after the steps of a scenario with no Then step: a failure, since its checks are
    its Then steps and it would pass whatever the claims and evidence say (found by the sixteenth
    part's hunt). A step that fails before it is reported as usual."""

    def fails() -> None:
        raise FeatureFailure(
            f"{where}: the scenario \u201c{name}\u201d has no Then step, so it checks nothing; say what the "
            "evaluation must find"
        )

    return fails


def _parsed(path: Path, config: pytest.Config) -> Feature:
    """The parsed feature, cached by pytest-bdd for the scenarios made from it. A byte order mark
    (as Windows editors save UTF-8) is read past, as in claim files; a file that is not UTF-8 is
    one line at the byte that does not decode, not a UnicodeDecodeError traceback."""
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b""  # pytest-bdd says why it cannot read the file
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FeatureFailure(str(not_utf8(_shown(path, config), raw, e.start))) from None
    try:
        return get_feature(str(path.parent), path.name, encoding="utf-8-sig")
    except KeyError as e:
        if e.args != ("feature",):
            raise
        # pytest-bdd 9 fails this way on a file with no Feature: line, such as an empty draft.
        raise FeatureFailure(
            f"{_shown(path, config)}: no Feature: line; a feature file starts with Feature: and the feature's name"
        ) from None


def _after_the_steps() -> None:
    """Nothing to do once the steps have run: a scenario's checks are its Then steps."""


def register_tags(config: pytest.Config, path: Path, feature: Feature) -> None:
    """Register every tag of the feature as a pytest marker, so `--strict-markers` accepts it."""
    known = {line.split(":", 1)[0].split("(", 1)[0].strip() for line in config.getini("markers")}
    for tag in sorted(feature_tags(feature)):
        if not _TAG.fullmatch(tag):
            raise FeatureFailure(
                f"{_shown(path, config)}: the tag @{tag} cannot become a pytest marker; "
                "write tags with letters, digits, '-' and '_' only"
            )
        if tag not in known:
            config.addinivalue_line("markers", f"{tag}: a tag in {_shown(path, config)}")
            known.add(tag)


def feature_tags(feature: Feature) -> set[str]:
    """Tags on the feature, its rules, its scenarios and their Examples."""
    tags = set(feature.tags)
    for template in feature.scenarios.values():
        tags |= template.tags
        if template.rule is not None:
            tags |= template.rule.tags
        for examples in template.examples:
            tags |= examples.tags
    return tags


def _refuse_duplicate_scenarios(path: Path, config: pytest.Config) -> None:
    """pytest-bdd keeps one scenario per name; a second one of the same name would never run."""
    document = get_gherkin_document(str(path), encoding="utf-8-sig")  # as _parsed reads it
    children = list(document.feature.children) if document.feature else []
    seen: dict[str, int] = {}
    for child in children:
        scenarios = [c.scenario for c in child.rule.children if c.scenario] if child.rule else [child.scenario]
        for s in filter(None, scenarios):
            if s.name in seen:
                raise FeatureFailure(
                    f'{_shown(path, config)}:{s.location.line}: a second scenario named "{s.name}" '
                    f"(the first is at line {seen[s.name]}); give each scenario its own name"
                )
            seen[s.name] = s.location.line


_PLACEHOLDER = re.compile(r"<(.+?)>")  # pytest-bdd's own reading of a <column> in an outline's step


def _unfilled_outline(template: ScenarioTemplate, shown: str) -> list[str]:
    """What keeps an outline's Examples from filling it, one line each: every <placeholder> of
    its steps must be a column, named once, and every column read by some step. pytest-bdd leaves a
    placeholder no column names as it is written (an Examples table with no rows runs the outline
    once so), and a column no step reads checks nothing: a row holding a wrong verdict there
    passed (found by the twentieth part's hunt)."""
    used = {name: step.line_number for step in reversed(template.steps) for name in _placeholders(step)}
    problems = []
    for examples in template.examples:
        at = f"{shown}:{examples.line_number}"
        if not examples.examples:
            problems.append(
                f"{at}: these Examples have a header and no rows, so the outline \u201c{plain(template.name)}\u201d "
                "would run once with its <placeholders> unfilled; give each case a row"
            )
            continue
        columns = examples.example_params
        # A row is read as a mapping of column to value: a column named twice keeps one of its
        # values, and the other checks nothing.
        problems += [
            f"{at}: the column \u201c{plain(column)}\u201d is named twice, so one of its values in each row "
            "would be lost; name each column once"
            for column in sorted({c for c in columns if columns.count(c) > 1})
        ]
        problems += [
            f"{shown}:{line}: <{plain(name)}> names no column of the Examples at line {examples.line_number} "
            f"(its columns: {', '.join(plain(c) for c in columns)}), so it would stay as written"
            for name, line in used.items()
            if name not in columns
        ]
        problems += [
            f"{at}: no step reads the column \u201c{plain(column)}\u201d (write <{plain(column)}> in one), so its "
            "values would check nothing"
            for column in columns
            if column not in used
        ]
    return problems


def _placeholders(step: Step) -> list[str]:
    """The <column> names in a step's text, docstring and table cells, as pytest-bdd fills them."""
    texts = [step.name, step.docstring or ""]
    if step.datatable is not None:
        texts += [cell.value for row in step.datatable.rows for cell in row.cells]
    return [m.group(1) for text in texts for m in _PLACEHOLDER.finditer(text)]


def _template_of(item: pytest.Function) -> Any:
    return scenario_wrapper_template_registry.get(item.obj)


def _scenario_location(path: Path, feature: Feature, template: Any) -> Any:
    """An item's location as the scenario's line in the feature file, named by the scenario."""
    line = template.line_number - 1 if template is not None else 0
    name = f"{template.keyword}: {template.name}" if template is not None else feature.name

    def reportinfo() -> tuple[Path, int, str]:
        return path, line, name

    return reportinfo


def _shown(path: Path | str, config: pytest.Config) -> str:
    """A path relative to the project root where it lies under it, as the analyst wrote it."""
    try:
        return str(Path(path).relative_to(config.rootpath))
    except ValueError:
        return str(path)


# --- the running step, and failures in the analyst's words --------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario, step: Step) -> None:
    request.node.stash[CURRENT_STEP] = (_shown(feature.filename, request.config), step.line_number)


def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Feature, step: Step) -> None:
    request.node.stash[FAILED_STEP] = _step_line(feature, step, request.config)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Feature, step: Step) -> None:
    request.node.stash[FAILED_STEP] = _step_line(feature, step, request.config)
    request.node.stash[UNKNOWN_STEP] = (step.type, step.name)


def _step_line(feature: Feature, step: Step, config: pytest.Config) -> str:
    return f"{_shown(feature.filename, config)}:{step.line_number}: {step.keyword} {step.name}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if call.excinfo is not None and report.failed and isinstance(item.parent, FeatureFile):
        message = analyst_message(call.excinfo.value, item)
        if message is not None:
            where = item.stash.get(FAILED_STEP, None)
            report.longrepr = f"{where}\n{message}" if where else message
    return report


def analyst_message(error: BaseException, item: pytest.Item) -> str | None:
    """The message an analyst needs for a failure, or None for a bug (which keeps its traceback).

    Paths under the project root are shown relative to it, as the feature names them.
    """
    if isinstance(error, FeatureFailure):
        return str(error)
    if isinstance(error, ClaimwatchError):
        lines = (line.replace(f"{item.config.rootpath}/", "") for line in error.lines())
        return "claimwatch could not read its inputs:\n" + "\n".join(f"  {line}" for line in lines)
    if isinstance(error, StepDefinitionNotFoundError) and UNKNOWN_STEP in item.stash:
        return unknown_step_message(*item.stash[UNKNOWN_STEP])
    return None


def unknown_step_message(kind: str, text: str) -> str:
    """No step reads this text: the closest steps of the library, and where all of them are listed."""
    candidates = {
        _normalised(shown): f"{step.kind.capitalize()} {shown}"
        for step in LIBRARY
        if step.kind == kind
        for shown in step.shown
    }
    close = difflib.get_close_matches(_normalised(text), list(candidates), n=3, cutoff=0.5)
    lines = ["No step of the claimwatch library reads this text."]
    if close:
        lines.append("Did you mean:")
        lines += [f"  {candidates[c]}" for c in close]
    lines.append("Every step is listed in docs/authoring.md (python -m claimwatch.bdd prints the list).")
    return "\n".join(lines)


def _normalised(text: str) -> str:
    """A step's wording without its values: quoted text and numbers become placeholders."""
    text = re.sub(r'"[^"]*"', '""', text)
    return re.sub(r"\b\d+\b", "N", text).lower()
