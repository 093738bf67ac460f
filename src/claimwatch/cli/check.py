"""claimwatch check: evaluate claims against evidence, print the verdicts, write the reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .. import claims as claims_mod
from .._text import one_line
from ..errors import InputError
from ..evaluate import ENGINES, evaluate, tables_unread, without_cyclic_gc
from ..evidence import open_evidence_paths
from ..files import refuse_unsafe_outputs
from ..project import CONFIG_NAME, case_settings, setting_problem
from ..reports import report_options, write_reports
from ..reports.terminal import print_verdicts
from ..reports.view import safe_url
from ..results import Publication
from ..reviews import REVIEWS_FILE, Reviews, find_reviews, load_reviews
from .options import Day, ExistingPath, lists_option, recorded_command, root_option


def _web_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An http(s) URL, as the reports link them; anything else is refused."""
    if value is not None and not safe_url(value):
        raise click.BadParameter(f"{value!r} is not an http(s) URL", ctx=ctx, param=param)
    return value


def _words(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Text a report shows as given; spaces alone refused, where they made a report headed "# "
    or a ClaimReview whose author is named " " (the same in claimwatch.toml is refused). An
    empty one is no option given, as before: the case's [report] value stands."""
    if value and not value.strip():
        raise click.BadParameter(f"{value!r} is blank: give it words, or leave the option out", ctx=ctx, param=param)
    return value


def publication_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--title, --author, --publisher, --publisher-url, --report-url and --date-published."""
    options = (
        click.option("--title", callback=_words, help="The report's title, shown as its heading."),
        click.option("--author", callback=_words, help="Who wrote the report: the fact-checker or organisation."),
        click.option("--publisher", callback=_words, help="Who publishes the report."),
        click.option(
            "--publisher-url", callback=_web_url, help="The publisher's home page (http or https); needs --publisher."
        ),
        click.option("--report-url", callback=_web_url, help="Where the report will be published (http or https)."),
        click.option(
            "--date-published",
            type=Day(),
            help="The day the report is published, YYYY-MM-DD (never taken from the clock).",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def publication_of(
    title: str | None,
    author: str | None,
    publisher: str | None,
    publisher_url: str | None,
    report_url: str | None,
    date_published: dt.datetime | None,
    *,
    root: str = ".",
) -> Publication | None:
    """The publication metadata: each option as given, else the case's claimwatch.toml [report]
    value; None when neither gives any."""
    configured = case_settings(root, "report")
    for key in ("publisher_url", "url"):
        if key in configured and not safe_url(configured[key]):
            raise InputError(
                setting_problem(root, "report", key, f"[report] {key} {configured[key]!r} is not an http(s) URL")
            )
    fields = {
        "title": title or configured.get("title"),
        "author": author or configured.get("author"),
        "publisher": publisher or configured.get("publisher"),
        "publisher_url": publisher_url or configured.get("publisher_url"),
        "url": report_url or configured.get("url"),
        "date_published": date_published.date().isoformat() if date_published else None,
    }
    if fields["publisher_url"] and not fields["publisher"]:
        raise click.UsageError(
            "--publisher-url needs --publisher, the name it is the home page of", ctx=click.get_current_context()
        )
    return Publication(**fields) if any(fields.values()) else None


def reviews_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--reviews FILE and --no-reviews."""
    command = click.option(
        "--no-reviews", is_flag=True, help="Leave the case's reviews out: every finding as the evaluation finds it."
    )(command)
    return click.option(
        "--reviews",
        "reviews_path",
        type=ExistingPath(dir_okay=False),
        help="The reviews file to apply after matching.  [default: the case's reviews.yaml, where it has one]",
    )(command)


def reviews_of(reviews_path: str | None, no_reviews: bool, root: str) -> Reviews | None:
    """The reviews a run applies: the file given, else the case's; none with --no-reviews."""
    if no_reviews:
        if reviews_path:
            raise click.UsageError("--reviews and --no-reviews contradict each other", ctx=click.get_current_context())
        return None
    path = reviews_path or find_reviews(root)
    return load_reviews(path) if path else None


@click.command()
@click.argument("claims", nargs=-1, type=ExistingPath())
@click.option(
    "--evidence",
    "evidence_paths",
    multiple=True,
    required=True,
    type=ExistingPath(),
    help=(
        "A snapshot folder, a curated .yaml file, OpenAlex works (JSON Lines, a saved API list "
        "response or one record; .json/.jsonl[.gz]), or a folder searched at every depth for "
        "snapshots, curated files and .jsonl files (a .json file only when named). Repeatable."
    ),
)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.option("--md", "md_path", type=click.Path(dir_okay=False), help="Write the Markdown report here.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write the HTML report here.")
@click.option(
    "--claimreview", "claimreview_path", type=click.Path(dir_okay=False), help="Write ClaimReview JSON-LD here."
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False),
    help="Write one row per finding here, as CSV for a spreadsheet (UTF-8 with a BOM).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["contradicted", "insufficient_evidence"]),
    help="Exit 1 when any claim gets this verdict.",
)
@click.option(
    "--as-of",
    type=Day(),
    help="The day open-ended claims run to (default: when the newest evidence was retrieved).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help=(
        "How the works are read; every engine gives the same results. python: every record, in Python; "
        "duckdb: one SQL query over the evidence's Parquet tables screens the works, and only those it lets "
        "through are judged (evidence without a table gets one, cached); spark: the same query with PySpark "
        "(the 'spark' extra; local mode, or --spark-master); auto: duckdb where every piece of evidence has a "
        "table already, else python."
    ),
)
@click.option(
    "--spark-master",
    metavar="URL",
    help="With --engine spark: the cluster to run the query on (spark://HOST:7077, yarn, k8s://...).  "
    "[default: local mode on this machine's cores, or what spark-submit gives]",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False),
    help="Where tables made for evidence that has none are kept.  [default: $CLAIMWATCH_CACHE, else "
    "~/.cache/claimwatch]",
)
@reviews_option
@publication_options
@lists_option
@root_option
def check(
    claims: tuple[str, ...],
    evidence_paths: tuple[str, ...],
    json_path: str | None,
    md_path: str | None,
    html_path: str | None,
    claimreview_path: str | None,
    csv_path: str | None,
    fail_on: str | None,
    as_of: dt.datetime | None,
    engine: str,
    spark_master: str | None,
    cache: str | None,
    reviews_path: str | None,
    no_reviews: bool,
    title: str | None,
    author: str | None,
    publisher: str | None,
    publisher_url: str | None,
    report_url: str | None,
    date_published: dt.datetime | None,
    lists_dirs: tuple[str, ...],
    root: str,
) -> None:
    """Check CLAIMS (files or folders; default: the case's claims/ folder) against the evidence.

    Prints a verdict table and writes the reports asked for, all or none, and only after the
    evaluation succeeded. A report path that is an input of the run (a claim, topic or list file,
    the reviews file, the case's claimwatch.toml, the evidence or a file in it) or another
    report's path is refused before anything runs.
    Exit 0 when the evaluation ran; 1 with --fail-on when a claim gets that verdict; 2 for bad
    input; 3 when a data source failed. The publication options, from --title to --date-published,
    are shown in the HTML and Markdown reports and given in ClaimReview as the review's url,
    author, publisher and datePublished; each defaults to the case's claimwatch.toml [report]
    table (title, author, publisher, publisher_url, url). The case's reviews.yaml (see
    `claimwatch review`) is applied after matching: a finding reviewed as not a match leaves the
    verdict and is shown apart, with its note, in every report.

    Example:

    \b
        claimwatch check claims/ --evidence evidence/curated/ --html reports/msra.html --fail-on contradicted
    """
    targets = {
        fmt: path
        for fmt, path in (
            ("json", json_path),
            ("md", md_path),
            ("html", html_path),
            ("claimreview", claimreview_path),
            ("csv", csv_path),
        )
        if path is not None
    }
    for fmt, target in targets.items():
        if not target.strip():  # an unset variable in a script: the report would silently not be written
            raise click.BadParameter("an empty path: give the file to write", param_hint=f"--{fmt}")
    publication = publication_of(title, author, publisher, publisher_url, report_url, date_published, root=root)
    # With no claim files given, the case's own: <root>/claims, wherever the command runs from.
    claim_set = claims_mod.load_claims(claims or (str(Path(root) / "claims"),), root=root, lists=lists_dirs)
    reviews = reviews_of(reviews_path, no_reviews, root)
    # The output guard, here before the evaluation: a report path that would replace an input is
    # refused at once, not after minutes of work (write_reports holds it again for every caller).
    read = _inputs_read(claim_set, evidence_paths) + ([("reviews file", reviews.path)] if reviews else [])
    read += _configuration_read(root)
    refuse_unsafe_outputs(report_options(targets), read)
    evidence = open_evidence_paths(evidence_paths)
    if reviews is not None:
        _warn_of_other_claims(reviews, claim_set)
    if engine != "python":  # a snapshot of an earlier claimwatch: its table is not read, and that is said
        for line in tables_unread(evidence):
            click.echo(f"note: {one_line(line)}", err=True)
    # The results are kept until the reports are written and the process ends: frozen, the
    # collector never walks them once it is back on.
    with without_cyclic_gc(freeze=True):
        results = evaluate(
            claim_set,
            evidence,
            as_of=as_of.date() if as_of else None,
            reviews=reviews,
            engine=engine,
            cache=cache,
            spark_master=spark_master,
        )
    written = write_reports(
        results, targets, protected=evidence_paths, command=recorded_command(), publication=publication
    )
    print_verdicts(results)
    for path in written:
        click.echo(f"wrote {one_line(str(path))}")
    if "claimreview" in targets and not (publication and publication.url):
        _note_claimreview_without_url()
    if fail_on and any(r.verdict == fail_on for r in results.results):
        raise click.exceptions.Exit(1)  # the evaluation ran; the caller asked to fail on this verdict


def _note_claimreview_without_url() -> None:
    """ClaimReview without its `url`, the page the review is published on, which Google's
    fact-check markup requires: the publisher's to add, said so it is not forgotten."""
    click.echo(
        "note: the ClaimReview file has no url (the page the review is published on, which fact-check "
        "markup requires): give --report-url, or url in [report] of claimwatch.toml, or add it before publishing",
        err=True,
    )


def _warn_of_other_claims(reviews: Reviews, claim_set: claims_mod.ClaimSet) -> None:
    """Reviews of claims this run does not check apply to nothing: said, never silently passed over
    (a claim renamed since, a typo, or a run over some of the case's claim files)."""
    other = reviews.of_other_claims({c.id for f in claim_set.files for c in f.claims})
    if other:
        shown = ", ".join(f"line {r.line}: {one_line(r.claim)}" for r in other[:5]) + (
            ", ..." if len(other) > 5 else ""
        )
        noun = "review names a claim" if len(other) == 1 else "reviews name claims"
        click.echo(
            f"note: {len(other)} {noun} this run does not check, in {one_line(str(reviews.path))} ({shown})", err=True
        )


def _inputs_read(claim_set: claims_mod.ClaimSet, evidence_paths: tuple[str, ...]) -> list[tuple[str, str]]:
    """The files a check reads, by kind, as the report's inputs will name them."""
    return [
        *(("claim file", f.path) for f in claim_set.files),
        *(("topic file", t.path) for f in claim_set.files for t in f.topics.values() if t.sha256),
        *(("list file", rl.path) for f in claim_set.files for rl in f.lists.values()),
        *(("evidence", p) for p in evidence_paths),
    ]


def _configuration_read(root: str) -> list[tuple[str, str]]:
    """The case's claimwatch.toml, where it has one, and its reviews file: check reads its
    [report] settings, so no report may replace it (the root may hold no claim file of the run,
    so the guard of write_reports, which finds the configuration beside the claims, may not
    see it)."""
    config = Path(root) / CONFIG_NAME
    # Where the case has no reviews file yet, the one `claimwatch review` would make: a report
    # written there would break every later check and review.
    reviews = [("reviews file", str(Path(root) / REVIEWS_FILE))]
    return ([("configuration file", str(config))] if config.is_file() else []) + reviews


def register(cli: click.Group) -> None:
    cli.add_command(check)
