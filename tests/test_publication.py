"""Publication metadata (issue 17): the report's title, author, publisher, URL and date, given as
`check` options, shown in the HTML and Markdown reports and given in ClaimReview; and an archived
copy of a statement's or a list's source. Without them every report is as it was."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence_paths
from claimwatch.lists import Source
from claimwatch.reports import renderers
from claimwatch.reports.claimreview import render_claimreview
from claimwatch.reports.html import render_html
from claimwatch.reports.markdown import render_markdown
from claimwatch.results import Publication, Results, SourceRef
from test_reports import PROJECT, SHIPPED_SCHEMA, shipped_results

SCHEMAS = PROJECT / "src/claimwatch/schemas"
CLAIMS_FILE = PROJECT / "claims/msra-2022-intern-policy.yaml"

FULL = Publication(
    title="MSRA's claims, checked",
    author="Jane Doe",
    publisher="Example Watch",
    publisher_url="https://watch.example.org/",
    url="https://watch.example.org/msra",
    date_published="2026-12-01",
)


@pytest.fixture(scope="module")
def shipped() -> Results:
    return shipped_results()


def published(results: Results, publication: Publication) -> Results:
    return results.model_copy(update={"publication": publication})


def check_args(tmp_path: Path, *extra: str) -> list[str]:
    return [
        "check",
        str(PROJECT / "claims"),
        "--evidence",
        str(PROJECT / "evidence/curated"),
        "--root",
        str(PROJECT),
        *extra,
    ]


# --- without the options, nothing changes --------------------------------------------------


def test_without_publication_no_report_carries_any_of_it(shipped):
    """Without the options the reports are as they were: no byline, no publisher, and no
    ClaimReview url, author, publisher or datePublished. (Checked byte for byte against the
    reports before this change when it was made; kept here as what must stay absent.)"""
    markdown, html = render_markdown(shipped), render_html(shipped)
    assert "Published by" not in markdown and "Published by" not in html
    for review in json.loads(render_claimreview(shipped)):
        assert not {"url", "author", "publisher", "datePublished"} & set(review), review


def test_without_publication_the_json_report_has_no_publication_key(shipped):
    data = json.loads(renderers()["json"](shipped))
    assert "publication" not in data
    assert all("archived_url" not in src for st in data["statements"] for src in st["sources"])


# --- the options, through check ------------------------------------------------------------


def test_check_options_reach_every_report(tmp_path, capsys):
    out = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "md", "html", "claimreview")}
    args = check_args(
        tmp_path,
        *(a for fmt, path in out.items() for a in (f"--{fmt}", str(path))),
        *("--title", FULL.title, "--author", FULL.author, "--publisher", FULL.publisher),
        *("--publisher-url", FULL.publisher_url, "--report-url", FULL.url, "--date-published", "2026-12-01"),
    )
    assert main(args) == 0
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))
    assert Publication(**data["publication"]) == FULL
    assert out["md"].read_text(encoding="utf-8").startswith("# MSRA's claims, checked\n\nBy Jane Doe · Published by")
    assert "<h1>MSRA&#39;s claims, checked</h1>" in out["html"].read_text(encoding="utf-8")
    review = json.loads(out["claimreview"].read_text(encoding="utf-8"))["@graph"][0]
    assert review["url"] == FULL.url and review["datePublished"] == "2026-12-01"


def test_claimreview_written_without_a_url_is_noted_on_stderr(tmp_path, capsys):
    """Google's fact-check markup requires the review's `url`; without --report-url the file has
    none, and check wrote it without a word (issue 18, twenty-second part). One note on stderr,
    exit 0; none where the url is given, or no ClaimReview written."""
    target = tmp_path / "r.jsonld"
    assert main(check_args(tmp_path, "--claimreview", str(target))) == 0
    assert "url" not in json.loads(target.read_text(encoding="utf-8"))["@graph"][0]
    notes = [line for line in capsys.readouterr().err.splitlines() if "ClaimReview" in line]
    assert notes == [
        "note: the ClaimReview file has no url (the page the review is published on, which fact-check markup "
        "requires): give --report-url, or url in [report] of claimwatch.toml, or add it before publishing"
    ]
    assert main(check_args(tmp_path, "--claimreview", str(target), "--report-url", FULL.url)) == 0
    assert main(check_args(tmp_path, "--md", str(tmp_path / "r.md"))) == 0
    assert "ClaimReview" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (("--date-published", "2026-13-01"), "'--date-published'"),
        (("--date-published", "1 Dec 2026"), "'--date-published'"),
        (("--report-url", "javascript:alert(1)"), "not an http(s) URL"),
        (("--publisher", "P", "--publisher-url", "ftp://p.example.org/"), "not an http(s) URL"),
        (("--publisher-url", "https://p.example.org/"), "--publisher-url needs --publisher"),
        # Spaces alone: a report headed "# ", a ClaimReview's author named " " (as blank in
        # claimwatch.toml, refused there).
        (("--title", "   "), "'--title': '   ' is blank: give it words, or leave the option out"),
        (("--author", "\t"), "'--author': '\\t' is blank"),
        (("--publisher", " ", "--publisher-url", "https://p.example.org/"), "'--publisher': ' ' is blank"),
    ],
)
def test_a_bad_publication_option_is_one_line_and_exit_2(tmp_path, capsys, extra, says):
    report = tmp_path / "r.md"
    assert main(check_args(tmp_path, "--md", str(report), *extra)) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and says in err
    assert not report.exists()


def test_the_same_options_give_byte_identical_reports_and_no_date_from_the_clock(shipped):
    for render in (render_markdown, render_html, render_claimreview):
        assert render(published(shipped, FULL)) == render(published(shipped, FULL))
    undated = published(shipped, FULL.model_copy(update={"date_published": None}))
    assert "datePublished" not in json.loads(render_claimreview(undated))["@graph"][0]


# --- what each report shows -----------------------------------------------------------------


def test_markdown_shows_title_byline_and_publisher_link(shipped):
    text = render_markdown(published(shipped, FULL))
    assert text.startswith(
        "# MSRA's claims, checked\n\n"
        "By Jane Doe · Published by [Example Watch](https://watch.example.org/) · 2026-12-01 · "
        "Online at [https://watch.example.org/msra](https://watch.example.org/msra)\n\n"
    )


def test_html_shows_title_byline_and_publisher_link(shipped):
    text = render_html(published(shipped, FULL))
    assert "<title>MSRA&#39;s claims, checked</title>" in text
    assert (
        '<p class="meta byline">By Jane Doe · Published by <a href="https://watch.example.org/" '
        'rel="noopener noreferrer nofollow">Example Watch</a> · 2026-12-01 · Online at '
    ) in text


def test_hostile_publication_text_is_escaped_and_unsafe_urls_are_not_linked(shipped):
    hostile = Publication(
        title="# <script>alert(1)</script> [x](javascript:y)",
        author="*Eve* <b>",
        publisher="Evil & Co",
        publisher_url="javascript:alert(1)",
        url="data:text/html,hi",
    )
    md = render_markdown(published(shipped, hostile))
    assert md.startswith("# \\# \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y)\n")
    assert "By \\*Eve\\* \\<b\\> · Published by Evil \\& Co · Online at data:text/html,hi\n" in md
    html = render_html(published(shipped, hostile))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:alert" not in html and 'href="data:' not in html
    review = json.loads(render_claimreview(published(shipped, hostile)))["@graph"][0]
    assert "url" not in review and review["publisher"] == {"@type": "Organization", "name": "Evil & Co"}
    assert "<" not in render_claimreview(published(shipped, hostile))


# --- ClaimReview ----------------------------------------------------------------------------


def test_claimreview_gives_url_author_publisher_and_date_published(shipped):
    for review in json.loads(render_claimreview(published(shipped, FULL)))["@graph"]:
        assert review["url"] == "https://watch.example.org/msra"
        assert review["author"] == {"@type": "Person", "name": "Jane Doe"}
        assert review["publisher"] == {
            "@type": "Organization",
            "name": "Example Watch",
            "url": "https://watch.example.org/",
        }
        assert review["datePublished"] == "2026-12-01"


@pytest.mark.parametrize(
    ("publication", "author"),
    [
        (Publication(author="Example Watch"), {"@type": "Organization", "name": "Example Watch"}),
        (
            Publication(author="Example Watch", publisher="Example Watch", publisher_url="https://w.example.org/"),
            {"@type": "Organization", "name": "Example Watch", "url": "https://w.example.org/"},
        ),
        (Publication(author="Jane Doe", publisher="Example Watch"), {"@type": "Person", "name": "Jane Doe"}),
    ],
)
def test_the_author_is_the_organisation_unless_a_person_writes_for_a_publisher(shipped, publication, author):
    review = json.loads(render_claimreview(published(shipped, publication)))["@graph"][0]
    assert review["author"] == author


def test_a_title_alone_leaves_claimreview_as_it_was(shipped):
    assert render_claimreview(published(shipped, Publication(title="T"))) == render_claimreview(shipped)


# --- archived copies of sources -------------------------------------------------------------


def _with_archive(results: Results, archived: str) -> Results:
    statement = results.statements[0]
    sources = tuple(s.model_copy(update={"archived_url": archived}) for s in statement.sources)
    return results.model_copy(update={"statements": (statement.model_copy(update={"sources": sources}),)})


def test_a_statement_source_carries_its_archived_url_into_the_results(tmp_path):
    data = yaml.safe_load(CLAIMS_FILE.read_text(encoding="utf-8"))
    data["statement"]["sources"][0]["archived_url"] = "https://web.archive.org/web/2022/https://qbitai.com/x"
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    claim_set = claims_mod.load_claims([path], root=PROJECT)
    results = evaluate(claim_set, open_evidence_paths([PROJECT / "evidence/curated"]))
    assert results.statements[0].sources[0].archived_url == "https://web.archive.org/web/2022/https://qbitai.com/x"


@pytest.mark.parametrize("schema", ["claims.schema.json", "list.schema.json"])
def test_the_source_schemas_take_an_http_archived_url_only(schema):
    doc = json.loads((SCHEMAS / schema).read_text(encoding="utf-8"))
    source = {"$defs": doc["$defs"], **doc["$defs"]["source"]}
    jsonschema.validate({"title": "T", "archived_url": "https://web.archive.org/web/x"}, source)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "T", "archived_url": "file:///etc/passwd"}, source)


def test_the_source_model_takes_an_archived_url():
    assert Source(title="T", archived_url="https://archive.ph/x").archived_url == "https://archive.ph/x"
    assert SourceRef(title="T").archived_url is None


def test_reports_link_an_archived_copy(shipped):
    results = _with_archive(shipped, "https://web.archive.org/web/2022/x")
    assert "([archived copy](https://web.archive.org/web/2022/x))" in render_markdown(results)
    assert '(<a href="https://web.archive.org/web/2022/x" rel="noopener noreferrer nofollow">archived copy</a>)' in (
        render_html(results)
    )
    appearance = json.loads(render_claimreview(results))["@graph"][0]["itemReviewed"]["appearance"][0]
    assert appearance["archivedAt"] == "https://web.archive.org/web/2022/x"


def test_an_unsafe_archived_url_is_shown_as_text_never_linked(shipped):
    results = _with_archive(shipped, "javascript:alert(1)")
    assert "(archived copy not linked, not http(s): `javascript:alert(1)`)" in render_markdown(results)
    html = render_html(results)
    assert 'href="javascript:' not in html and "<code>javascript:alert(1)</code>" in html
    assert "archivedAt" not in render_claimreview(results)


def _case_with_config(tmp_path: Path, config: str) -> Path:
    root = tmp_path / "case"
    (root / "claims").mkdir(parents=True)
    (root / "claims" / CLAIMS_FILE.name).write_bytes(CLAIMS_FILE.read_bytes())
    for folder in ("claims/topics", "evidence/lists", "evidence/curated"):
        for f in (PROJECT / folder).glob("*.yaml"):
            (root / folder).mkdir(parents=True, exist_ok=True)
            (root / folder / f.name).write_bytes(f.read_bytes())
    (root / "claimwatch.toml").write_text(config, encoding="utf-8")
    return root


def test_the_case_config_gives_what_the_options_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _case_with_config(
        tmp_path,
        '[case]\nname = "x"\n[report]\ntitle = "From the config"\npublisher = "Example Watch"\n'
        'publisher_url = "https://watch.example.org/"\nurl = "https://watch.example.org/msra"\n',
    )
    monkeypatch.chdir(root / "claims")
    args = ["check", "--evidence", "../evidence/curated", "--claimreview", "../r.jsonld", "--md", "../r.md"]
    assert main([*args, "--title", "From the option", "--date-published", "2026-12-01"]) == 0
    review = json.loads((root / "r.jsonld").read_text())["@graph"][0]
    assert review["url"] == "https://watch.example.org/msra"
    assert review["publisher"]["name"] == "Example Watch"
    assert review["datePublished"] == "2026-12-01"
    md = (root / "r.md").read_text()
    assert "From the option" in md and "From the config" not in md


_KNOWN_REPORT_KEYS = "(known: title, author, publisher, publisher_url, url)"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[report]\ntitel = "x"\n', f"2:1: unknown key 'titel' in [report] {_KNOWN_REPORT_KEYS}"),
        # Saved with CRLF (Notepad, git's autocrlf): "[report]\r" alone was read as no TOML.
        (
            '[case]\r\nname = "x"\r\n[report]\r\n  titel = "x"\r\n',
            f"4:3: unknown key 'titel' in [report] {_KNOWN_REPORT_KEYS}",
        ),
        ('[reprot]\r\ntitle = "x"\r\n', "1:1: unknown setting 'reprot' (known tables: [case], [report], [review])"),
        ('[report]\nurl = "javascript:alert(1)"\n', "2:1: [report] url 'javascript:alert(1)' is not an http(s) URL"),
        ("[report]\ntitle = 3\n", "2:1: [report] title must be a non-empty string"),
        ('[reports]\ntitle = "x"\n', "1:1: unknown setting 'reports' (known tables: [case], [report], [review])"),
        # A key below a string of several lines holding a line that looks like it: said where
        # the key is set, not inside the string.
        (
            '[case]\nname = "x"\n\n[report]\ntitle = """Notes\n  autor = me\n"""\n  autor = "me"\n',
            f"8:3: unknown key 'autor' in [report] {_KNOWN_REPORT_KEYS}",
        ),
        # After a string holding a line "[report]", [review]'s next key is no key of [report]'s.
        (
            '[review]\nby = """Ann\n[report]\n"""\n\n[report]\ntitle = 3\n',
            "7:1: [report] title must be a non-empty string",
        ),
        ('report.titel = "x"\n', f"1:1: unknown key 'titel' in [report] {_KNOWN_REPORT_KEYS}"),
        ('title = "x"\n[report]\n', "1:1: unknown setting 'title' (known tables: [case], [report], [review])"),
        # Written in an inline table, a way the place is not sought: the file named alone.
        ('report = {titel = "x"}\n', f" unknown key 'titel' in [report] {_KNOWN_REPORT_KEYS}"),
    ],
    ids=[
        "key",
        "crlf-key",
        "crlf-table",
        "url",
        "not-text",
        "table",
        "below-a-string",
        "after-a-header-in-a-string",
        "dotted",
        "at-the-top",
        "inline",
    ],
)
def test_a_wrong_case_config_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:
    """A claimwatch.toml setting a key mistyped ("titel"), a table mistyped, or a value of the wrong
    kind was said with no place ("claimwatch.toml: unknown key 'titel' in [report] ..."): tomllib
    tells the place of no key. Said at its line and column now, as every other file's problem is."""
    root = _case_with_config(tmp_path, config)
    monkeypatch.chdir(root)
    # --root: the file as `check` reads it (found upward, it is checked on finding the case,
    # named by its whole path: test_project_root).
    assert main(["check", "--root", ".", "--evidence", "evidence/curated"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"claimwatch.toml:{message}"
