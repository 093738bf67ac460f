"""Hostile evidence in every format: titles, names, raw affiliations, DOIs and URLs written to
break out of HTML, Markdown, JSON-LD and the terminal. Each must come out as inert text, and no
link may point anywhere but http(s).

`hostile_results` runs the real pipeline (claims, a list, OpenAlex-shaped records) so that the
hostile text reaches the reports the way a real record's would; the browser test in
test_reports_html.py renders the same results.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from claimwatch import claims as claims_mod
from claimwatch._text import printable
from claimwatch.cli import main
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence
from claimwatch.reports import renderers
from claimwatch.reports.diff import diff_reports, render_diff
from claimwatch.reports.jsonreport import render_json
from claimwatch.reports.markdown import escape_markdown
from claimwatch.reports.terminal import print_verdicts
from claimwatch.results import PersonWork, Results
from claimwatch.reviews import load_reviews
from helpers import LAB, authorship, institution, project, work, write, write_jsonl
from test_people_reports import HIT_ENTRY, LI_WEI, people_claim, placement, works_claim
from test_people_reports import report as people_report

SCRIPT = '<script>alert("t")</script>'
MD_LINK = "[x](javascript:alert(1))"
ANSI = "\x1b[31mRED\x1b[0m\x1b]8;;javascript:alert(1)\x1b\\click\x1b]8;;\x1b\\\x1b[2J"
# Rich markup and terminal escapes first: the verdict's reason quotes the title's first 90 characters.
HOSTILE_TITLE = (
    f"Face recognition [bold red]rich[/] {ANSI} {SCRIPT} \"quoted\" 'single' {MD_LINK} <img src=x onerror=alert(2)>"
)
HOSTILE_AUTHOR = '"><img src=x onerror=alert(3)> Mallory\x1b[1m'
HOSTILE_INSTITUTION = '<b>Harbin</b> Institute" onmouseover="alert(4)'
HOSTILE_AFFILIATION = "Evil University <script>alert(5)</script> [y](javascript:alert(6))\x1b[2J, Beijing, China"
HOSTILE_DOI = '10.1234/x"><script>alert(7)</script>'
JAVASCRIPT_URL = "javascript:alert(document.cookie)"

CLAIMS = f"""\
statement:
  speaker: "Speaker <script>alert(8)</script>"
  made_on: 2024-01-10
  quote: "We never {MD_LINK} do <script>alert(9)</script> face recognition."
  sources:
    - title: "Source <img src=x onerror=alert(10)>"
      url: "https://example.org/\\"onmouseover=\\"alert(11)"
subjects:
  lab:
    name: Example Lab
    openalex: [I100]
claims:
  - id: hostile
    says: "Example Lab does no face recognition <script>alert(12)</script> with listed partners."
    subject: lab
    from: 2024-01-10
    expects: none
    works: {{topic: face, coauthor_in: [mil, evil]}}
"""

HOSTILE_NOTE = "[n](javascript:alert(16)) <script>alert(17)</script>"

# Two entries share one note, so the report says it once, in the list's notes.
EVIL_LIST = f"""\
id: evil
name: "Evil list <script>alert(13)</script> [l](javascript:alert(14))"
sources: [{{title: "<b>src</b>", url: "https://example.org/<script>"}}]
entries:
  - id: evil-u
    name: "Evil \\"U\\" <img src=x onerror=alert(15)>"
    aliases: [Evil University]
    country: CN
    notes: "{HOSTILE_NOTE}"
    verified: false
  - id: evil-v
    name: "Evil V <b>bold</b>"
    notes: "{HOSTILE_NOTE}"
    verified: false
"""


def hostile_results(tmp_path: Path, title: str = HOSTILE_TITLE) -> Results:
    root = project(tmp_path)
    write(root / "evidence/lists/evil.yaml", EVIL_LIST)
    path = write(root / "claims/hostile.yaml", CLAIMS)
    records = [
        work(
            "W1",
            title,
            doi=HOSTILE_DOI,
            primary_location={"landing_page_url": JAVASCRIPT_URL},
            keywords=[{"display_name": f"face recognition {MD_LINK}"}],
            authorships=[
                authorship(HOSTILE_AUTHOR, [LAB]),
                authorship("B. Partner", [institution("I200", HOSTILE_INSTITUTION)]),
                authorship("C. Partner", [], raw=[HOSTILE_AFFILIATION]),
            ],
        )
    ]
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    return evaluate(claims_mod.load_claims([path], root=root), [evidence])


HOSTILE_REVIEWER = '<img src=x onerror=alert(20)> "Mallory" [r](javascript:alert(21))'
HOSTILE_REVIEW_NOTE = "# Not <script>alert(22)</script> a match | [x](javascript:alert(23)) *bold* \u202eevil"
HOSTILE_REVIEWED_WORK = '10.1234/x"><script>alert(24)</script>'

REVIEWS = f"""\
reviews:
  - claim: hostile
    work: W1
    decision: not_a_match
    by: '{HOSTILE_REVIEWER}'
    date: 2026-05-01
    note: "{HOSTILE_REVIEW_NOTE}"
  - claim: hostile
    work: '{HOSTILE_REVIEWED_WORK}'
    decision: confirmed
    by: '{HOSTILE_REVIEWER}'
    date: 2026-05-02
    note: "{HOSTILE_REVIEW_NOTE}"
"""


def hostile_reviewed_results(tmp_path: Path) -> Results:
    """The hostile case with a reviews file as hostile: the work dismissed, and a review of a work
    that is not a finding, so it is reported as not applied."""
    results = hostile_results(tmp_path)
    root = tmp_path
    claim_set = claims_mod.load_claims([root / "claims/hostile.yaml"], root=root)
    evidence = JsonlEvidence.open(root / "works.jsonl")
    reviewed = evaluate(claim_set, [evidence], reviews=load_reviews(write(root / "reviews.yaml", REVIEWS)))
    assert reviewed.results[0].findings == () and results.results[0].findings
    return reviewed


def test_the_hostile_review_reaches_the_reports(tmp_path):
    (result,) = hostile_reviewed_results(tmp_path).results
    (dismissed,) = result.dismissed
    assert dismissed.review.by == HOSTILE_REVIEWER and dismissed.review.note == HOSTILE_REVIEW_NOTE
    (lapsed,) = result.lapsed_reviews
    assert lapsed.reason == "not_found" and lapsed.review.work == HOSTILE_REVIEWED_WORK


def test_the_hostile_work_is_found_through_every_route(tmp_path):
    # Otherwise the tests below would prove nothing: the hostile text must reach the reports.
    result = hostile_results(tmp_path).results[0]
    assert result.verdict == "contradicted"
    (finding,) = result.findings
    assert finding.work.title == HOSTILE_TITLE and finding.work.url == JAVASCRIPT_URL
    assert finding.work.doi == HOSTILE_DOI.lower()
    methods = {(r.author, r.method) for r in finding.reasons if r.kind == "listed_author"}
    assert methods == {("B. Partner", "openalex_id"), ("C. Partner", "alias_in_raw_affiliation")}


# --- HTML -----------------------------------------------------------------------------------


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Elements:
    p = _Elements()
    p.feed(html)
    p.close()
    return p


def assert_inert_html(html: str) -> None:
    """No script, no event handler, no element from the evidence, only http(s) or in-page links."""
    page = parse(html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "b"}
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("https://", "http://", "#")), (tag, name, value)
    assert "javascript:" not in " ".join(str(v) for _, a in page.tags for v in a.values())


def test_html_escapes_hostile_text_and_links_nothing_but_http(tmp_path):
    html = renderers()["html"](hostile_results(tmp_path))
    assert_inert_html(html)
    text = "".join(parse(html).text)
    # The hostile text is still there for the reader, as text.
    for shown in (
        SCRIPT,
        MD_LINK,
        "<img src=x onerror=alert(2)>",
        HOSTILE_INSTITUTION,
        "Evil University <script>alert(5)</script>",
        JAVASCRIPT_URL,
        '"onmouseover="alert(11)',
        "Evil list <script>alert(13)</script>",
    ):
        assert shown in text
    assert "\x1b" not in html and "\ufffd" in html  # control characters are replaced, not passed on
    assert '<a href="https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E"' in html


def test_html_escapes_hostile_reviews_list_notes_and_the_chart_text(tmp_path):
    html = renderers()["html"](hostile_reviewed_results(tmp_path))
    assert_inert_html(html)
    text = "".join(parse(html).text)
    for shown in (HOSTILE_REVIEWER, "Not <script>alert(22)</script> a match", HOSTILE_REVIEWED_WORK, HOSTILE_NOTE):
        assert shown in text
    assert text.count(HOSTILE_NOTE) == 1  # the two entries' shared note, said once
    assert "\u202e" not in html and "\ufffdevil" in html
    chart = renderers()["html"](hostile_results(tmp_path / "chart"))
    alternative = re.search(r'<p id="chart-hostile-text">(.*?)</p>', chart, re.S)
    assert alternative and "&lt;img src=x onerror=alert(15)&gt;" in alternative.group(1)


def test_the_html_assertions_catch_a_live_javascript_link():
    # The check above must be able to fail.
    for bad in ('<a href="javascript:alert(1)">x</a>', "<p onclick=x>y</p>", "<script>1</script>"):
        try:
            assert_inert_html(bad)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {bad}")


# --- Markdown -------------------------------------------------------------------------------


def markdown_to_html(md: str) -> str:
    """Markdown as a lenient renderer would show it: raw HTML passes through and any link
    scheme is kept, so whatever the Markdown lets through, the HTML assertions see."""
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    renderer.validateLink = lambda url: True
    return renderer.render(md)


def test_markdown_escapes_hostile_text_and_links_nothing_but_http(tmp_path):
    md = renderers()["md"](hostile_results(tmp_path))
    html = markdown_to_html(md)
    assert_inert_html(html)
    text = "".join(parse(html).text)
    for shown in (
        SCRIPT,
        MD_LINK,
        "<img src=x onerror=alert(2)>",
        "Evil University <script>alert(5)</script> [y](javascript:alert(6))",
        JAVASCRIPT_URL,
        "Evil list <script>alert(13)</script> [l](javascript:alert(14))",
    ):
        assert shown in text
    hrefs = {a["href"] for t, a in parse(html).tags if t == "a"}
    assert hrefs == {"https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E", "https://openalex.org/W1"}


def test_markdown_tables_keep_their_columns_whatever_a_title_holds(tmp_path):
    md = renderers()["md"](hostile_results(tmp_path))
    html = markdown_to_html(md)
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    findings_row = next(r for r in rows if "Mallory" in r)
    assert findings_row.count("<td") == 5  # work, date, subject authors, partners, topic matches


def test_markdown_escapes_hostile_reviews_and_keeps_the_dismissed_table_s_columns(tmp_path):
    md = renderers()["md"](hostile_reviewed_results(tmp_path))
    html = markdown_to_html(md)
    assert_inert_html(html)
    text = "".join(parse(html).text)
    for shown in (HOSTILE_REVIEWER, "Not <script>alert(22)</script> a match | [x](javascript:alert(23)) *bold*"):
        assert shown in text
    assert HOSTILE_REVIEWED_WORK in text and HOSTILE_NOTE in text
    assert "<em>bold</em>" not in html and "\u202e" not in md
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    dismissed_row = next(r for r in rows if "Mallory" in r and "alert(22)" in r)
    assert dismissed_row.count("<td") == 6  # work, date, subject authors, partners, topic matches, review
    hrefs = {a["href"] for t, a in parse(html).tags if t == "a"}
    assert hrefs == {"https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E", "https://openalex.org/W1"}


# Where a value starts a line of the Markdown report: the quote (after "> "), the statement's and
# the claim's notes, a topic's rationale, a list's description.
LINE_START_PLACES = ("quote", "statement note", "claim note", "rationale", "description")


def line_start_results(tmp_path: Path, value: str) -> Results:
    """The hostile case with `value` (its "{place}" filled in) in every place that starts a line."""
    root = project(tmp_path)
    says = {place: json.dumps(value.format(place=place)) for place in LINE_START_PLACES}
    topic = (root / "claims/topics/face.yaml").read_text()
    write(root / "claims/topics/face.yaml", re.sub(r"rationale: .*", f"rationale: {says['rationale']}", topic))
    write(root / "evidence/lists/evil.yaml", f"{EVIL_LIST}description: {says['description']}\n")
    claims = CLAIMS.replace("  sources:", f"  note: {says['statement note']}\n  sources:", 1)
    claims = re.sub(r'  quote: ".*"', f"  quote: {says['quote']}", claims) + f"    note: {says['claim note']}\n"
    path = write(root / "claims/hostile.yaml", claims)
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", [work("W1", "Face recognition")]))
    return evaluate(claims_mod.load_claims([path], root=root), [evidence])


@pytest.mark.parametrize("indent", ["", " ", "   "])
@pytest.mark.parametrize("marker", ["# ", "###### ", "- ", "+ ", "1. ", "12) "])
def test_a_value_starting_a_line_starts_no_block_after_up_to_three_spaces(tmp_path, indent, marker):
    md = renderers()["md"](line_start_results(tmp_path, f"{indent}{marker}injected {{place}}"))
    html = markdown_to_html(md)
    for place in LINE_START_PLACES:  # a paragraph of its own, the marker shown as text
        assert f"<p>{marker}injected {place}</p>" in html, (place, html)
    assert not re.search(r"<h\d>[^<]*injected|<li>\s*(<p>)?injected", html)


@pytest.mark.parametrize("rule", ["---", " ---", "   - - -"])
def test_a_value_starting_a_line_draws_no_rule(tmp_path, rule):
    md = renderers()["md"](line_start_results(tmp_path, rule))
    html = markdown_to_html(md)
    assert "<hr" not in html and "<h2>" + rule.strip() not in html
    assert html.count(f"<p>{rule.strip()}</p>") == len(LINE_START_PLACES)


# Bare addresses that GitHub-flavoured Markdown's autolink extension would link: `www.`, a
# scheme followed by "//", and e-mail addresses, with or without `mailto:` or `xmpp:`.
AUTOLINK_BAIT = (
    "see www.evil.example/login, WWW.evil.example, mailto:help@evil.example, xmpp:x@evil.example, "
    'user@evil.example, a.b+c-d_e@evil.example, https://evil.example","x and ftp://evil.example'
)
WORD_JOINER = "\u2060"


def test_markdown_escaping_leaves_no_bare_address_for_gfm_to_link():
    escaped = escape_markdown(AUTOLINK_BAIT)
    # GFM links `www.` and `scheme://` where it meets them in the source: an escape breaks them.
    assert not re.search(r"(?i)www\.", escaped)
    assert not re.search(r"(?<!\\):/", escaped)
    # It finds e-mail addresses in the rendered text, where "\\@" is "@" again: the character
    # before each "@" must be one no address holds.
    shown = markdown_to_html(escaped)
    assert not re.search(r"[A-Za-z0-9.+_-]@", shown)
    assert shown.count(WORD_JOINER + "@") == AUTOLINK_BAIT.count("@")
    # And it reads as it did: the word joiner is invisible, and nothing else changed.
    assert "".join(parse(shown).text).strip().replace(WORD_JOINER, "") == AUTOLINK_BAIT


def test_markdown_escaping_still_reads_ordinary_text_as_it_is():
    for text in (
        "NaturalSpeech 3: Zero-Shot Speech Synthesis",
        "At 10:30, a 1.5% gain (2024) & more",
        "微软亚洲研究院",
    ):
        assert "".join(parse(markdown_to_html(escape_markdown(text))).text).strip() == text


def test_markdown_report_shows_bare_addresses_in_evidence_as_text(tmp_path):
    md = renderers()["md"](hostile_results(tmp_path, title=f"Face recognition {AUTOLINK_BAIT}"))
    assert not re.search(r"(?i)www\.evil|(?<!\\)://evil|[A-Za-z0-9.+_-]\\?@", md)
    html = markdown_to_html(md)
    assert_inert_html(html)
    assert AUTOLINK_BAIT in "".join(parse(html).text).replace(WORD_JOINER, "")
    hrefs = {a["href"] for t, a in parse(html).tags if t == "a"}
    assert hrefs == {"https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E", "https://openalex.org/W1"}


def test_the_markdown_assertions_catch_raw_html_and_script_links():
    for bad in (
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<mailto:someone@example.org>",
    ):
        try:
            assert_inert_html(markdown_to_html(bad))
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {bad}")


# --- ClaimReview ----------------------------------------------------------------------------


def test_claimreview_keeps_hostile_text_as_data_that_cannot_close_a_script_element(tmp_path):
    results = hostile_results(tmp_path)
    text = renderers()["claimreview"](results)
    assert "<" not in text and ">" not in text and "&" not in text  # \u003c etc.: safe in <script type=ld+json>
    (review,) = json.loads(text)["@graph"]
    why = results.results[0].why
    assert "\x1b" in why  # the hostile title's escape sequence, quoted in the verdict's reason
    assert review["reviewRating"]["ratingExplanation"] == printable(why)  # the same text, made printable
    assert "<script>alert(12)</script>" in review["claimReviewed"]
    (appearance,) = review["itemReviewed"]["appearance"]
    assert "url" not in appearance  # its URL holds a quote: not a safe link


# Characters that hide, reorder or act: C1 controls (U+009B is a one-byte CSI), DEL, bidi overrides
# and isolates, tag characters, the line and paragraph separators, zero-width space and BOM.
UNSHOWN = "\x9b2J\x85\x7f\u202eevil\u202c\u2066iso\u2069\U000e0041\u2028\u2029\u200b\ufeff\u00ad"
UNSHOWN_TITLE = f"Face recognition {UNSHOWN} </script> end"
UNSHOWN_STATEMENT = """\
statement:
  speaker: "Speaker \\x9b2J\\u202e evil"
  made_on: 2024-01-10
  quote: q
  sources:
    - title: "Source \\x85\\u2066x\\u2069 \\U000e0041"
      url: "https://example.org/\\u202eb"
      archived_url: "https://web.archive.org/\\x9b"
"""


def _unshown_results(tmp_path: Path) -> Results:
    """The hostile case with `UNSHOWN` in the work's title and in the statement's speaker, source
    title and source URLs."""
    hostile_results(tmp_path, title=UNSHOWN_TITLE)  # writes the case: claims, list and records
    path = tmp_path / "claims/hostile.yaml"
    write(path, UNSHOWN_STATEMENT + "subjects:" + path.read_text(encoding="utf-8").split("subjects:", 1)[1])
    results = evaluate(claims_mod.load_claims([path], root=tmp_path), [JsonlEvidence.open(tmp_path / "works.jsonl")])
    assert UNSHOWN in results.results[0].findings[0].work.title
    return results


def _shows_nothing_unseen(text: str) -> None:
    for char in "\x1b\x9b\x85\x7f\u202e\u202c\u2066\u2069\U000e0041":
        assert char not in text, repr(char)


def test_claimreview_replaces_what_would_hide_or_reorder_text_and_links_no_such_url(tmp_path):
    results = _unshown_results(tmp_path)
    text = renderers()["claimreview"](results)
    _shows_nothing_unseen(text)
    assert "\u2028" not in text and "\u2029" not in text  # written \\u2028: JavaScript reads the file too
    decoded = json.dumps(json.loads(text), ensure_ascii=False)
    _shows_nothing_unseen(decoded)  # not merely escaped: an aggregator decodes what it shows
    (review,) = json.loads(text)["@graph"]
    assert review["itemReviewed"]["author"]["name"] == "Speaker \ufffd2J\ufffd evil"
    (appearance,) = review["itemReviewed"]["appearance"]
    assert appearance["headline"] == "Source \ufffd\ufffdx\ufffd \ufffd"
    assert "url" not in appearance and "archivedAt" not in appearance  # their addresses hide characters
    assert review["reviewRating"]["ratingExplanation"] == printable(results.results[0].why)


def test_the_json_report_escapes_control_characters(tmp_path):
    text = render_json(hostile_results(tmp_path))
    assert "\x1b" not in text and "\\u001b" in text


def test_the_json_report_escapes_what_a_terminal_would_not_show_and_keeps_the_data(tmp_path):
    results = _unshown_results(tmp_path)
    text = render_json(results)
    _shows_nothing_unseen(text)
    for char in "\u2028\u2029\u200b\ufeff\u00ad":
        assert char not in text, repr(char)
    assert "\\u202e" in text and "\\u009b" in text and "\\udb40\\udc41" in text  # escapes, not replacements
    assert json.loads(text) == results.model_dump(mode="json", by_alias=True)  # the results exactly


def test_every_kind_of_report_validates_against_the_shipped_schema(tmp_path):
    """Hostile text, reviews set aside and not applied, and claims about people: every JSON report
    claimwatch writes is one the schema it ships describes."""
    schema = json.loads(
        (Path(__file__).resolve().parent.parent / "src/claimwatch/schemas/report.schema.json").read_text()
    )
    reviewed = hostile_reviewed_results(tmp_path / "reviewed")
    assert reviewed.results[0].dismissed and reviewed.results[0].lapsed_reviews
    people = people_report(people_claim(), works_claim())
    assert any(r.people for r in people.results)
    for results in (reviewed, _unshown_results(tmp_path / "unshown"), people):
        jsonschema.validate(json.loads(render_json(results)), schema)


def _no_terminal_escapes(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output


def test_the_terminal_table_lets_no_escape_sequence_or_markup_through(tmp_path):
    out = io.StringIO()
    print_verdicts(hostile_results(tmp_path), console=Console(file=out, width=200, color_system=None))
    printed = out.getvalue()
    _no_terminal_escapes(printed)
    assert "[bold red]rich[/]" in printed  # rich markup printed as text, not applied


def test_the_diff_lets_no_escape_sequence_through(tmp_path, capsys):
    new = hostile_results(tmp_path)
    old = new.model_copy(
        update={
            "results": tuple(
                r.model_copy(update={"findings": (), "matched": 0, "verdict": "insufficient_evidence"})
                for r in new.results
            )
        }
    )
    lines = render_diff(diff_reports(old, new))
    out = io.StringIO()
    console = Console(file=out, width=300, color_system=None)
    for line in lines:
        console.print(line)
    _no_terminal_escapes(out.getvalue())
    assert "[bold red]rich[/]" in out.getvalue() and "Insufficient evidence \u2192 Contradicted" in out.getvalue()
    (tmp_path / "old.json").write_text(render_json(old))
    (tmp_path / "new.json").write_text(render_json(new))
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    _no_terminal_escapes(capsys.readouterr().out)


# --- people (#21) ---------------------------------------------------------------------------

HOSTILE_PERSON = '"><img src=x onerror=alert(30)> Mallory [p](javascript:alert(31)) | *bold*\x1b[2J'
HOSTILE_SHOWS = "# at <script>alert(32)</script> in 2020 | then [s](javascript:alert(33))"
HOSTILE_DOUBT = "- <b>doubt</b> | [d](javascript:alert(34)) \u202eevil"
HOSTILE_WORK_TITLE = "<script>alert(35)</script> [w](javascript:alert(36)) | `tick`"


def hostile_people_results() -> Results:
    """Findings about a person whose every text field is hostile, matched and uncertain."""
    hostile_entry = HIT_ENTRY.model_copy(update={"name": HOSTILE_INSTITUTION, "list_name": HOSTILE_NOTE})
    listed = placement(
        HOSTILE_INSTITUTION,
        '"><script>alert(37)</script>',
        (2020,),
        entry=hostile_entry,
        method="name_in_institution",
        matched_text=HOSTILE_AFFILIATION,
        matched_name=HOSTILE_NOTE,
        doubt=HOSTILE_DOUBT,
        record="evidence/<script>alert(38)</script>.jsonl:1",
        works=(
            PersonWork(
                id='W1"><script>',
                title=HOSTILE_WORK_TITLE,
                publication_date="2020",
                doi=HOSTILE_DOI,
                record="w.jsonl:1 | x",
            ),
        ),
    )
    person = LI_WEI.model_copy(
        update={
            "id": '"><script>alert(39)</script>',
            "openalex_id": None,
            "other_openalex_ids": ("javascript:alert(40)",),
            "orcid": JAVASCRIPT_URL,
            "name": HOSTILE_PERSON,
            "shows": HOSTILE_SHOWS,
            "records": ("evidence/<img src=x>.jsonl:1",),
            "at_listed": (listed,),
        }
    )
    doubted = person.model_copy(update={"status": "uncertain", "uncertain_because": (HOSTILE_DOUBT,)})
    return people_report(people_claim(people=(person,), uncertain=(doubted,)))


def test_html_shows_hostile_people_as_text_and_links_nothing_but_http():
    html = renderers()["html"](hostile_people_results())
    assert_inert_html(html)
    text = "".join(parse(html).text)
    for shown in (
        '"><img src=x onerror=alert(30)> Mallory [p](javascript:alert(31))',
        "<script>alert(32)</script>",
        "<b>doubt</b>",
        HOSTILE_WORK_TITLE,
        HOSTILE_INSTITUTION,
        "Evil University <script>alert(5)</script>",
        f"ORCID {JAVASCRIPT_URL}",
        "javascript:alert(40)",
        "evidence/<script>alert(38)</script>.jsonl:1",
    ):
        assert shown in text, shown
    assert "\x1b" not in html and "\u202e" not in html
    assert '<a href="https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E"' in html


def test_markdown_shows_hostile_people_as_text_and_keeps_the_people_tables_columns():
    md = renderers()["md"](hostile_people_results())
    html = markdown_to_html(md)
    assert_inert_html(html)
    text = "".join(parse(html).text)
    for shown in (
        '"><img src=x onerror=alert(30)> Mallory [p](javascript:alert(31)) | *bold*',
        "# at <script>alert(32)</script> in 2020 | then [s](javascript:alert(33))",
        HOSTILE_WORK_TITLE,
        "Evil University <script>alert(5)</script> [y](javascript:alert(6))",
    ):
        assert shown in text, shown
    assert "<em>bold</em>" not in html and "\u202e" not in md and "\x1b" not in md
    hrefs = {a["href"] for t, a in parse(html).tags if t == "a"}
    assert hrefs == {
        "https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%287%29%3C/script%3E",
        "https://doi.org/10.1234/lab",  # the work at the subject, a plain one
        "https://openalex.org/W10",
    }
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    people_rows = [r for r in rows if "Mallory" in r]
    assert [r.count("<td") for r in people_rows] == [3, 4]  # person, subject, listed (and why uncertain)


HOSTILE_FOLDER = "case | `a` <b>x<\\b> [l](javascript:alert(40)) \\| |"


def test_markdown_code_spans_show_a_pipe_as_it_is_and_tables_keep_their_columns(tmp_path):
    """Found by the nineteenth part's hunt: a code span escaped every pipe for a table cell, so a
    path outside a table ("Claims file: `…`", a topic's "file `…`", a list's "File: `…`") showed
    `\\|` for `|` (a code span shows a backslash as written). A pipe is escaped in a table row
    alone, and a value holding the stand-in the report uses for it gains no pipe."""
    (tmp_path / HOSTILE_FOLDER).mkdir()
    results = hostile_results(tmp_path / HOSTILE_FOLDER, title=f"{HOSTILE_TITLE} a\ue000b | c")
    md = renderers()["md"](results)
    html = markdown_to_html(md)
    assert_inert_html(html)
    codes = [unescape(c) for c in re.findall(r"<code>(.*?)</code>", html, re.S)]
    folder = str(tmp_path / HOSTILE_FOLDER)
    shown = [c for c in codes if "javascript:alert(40)" in c]
    outside_tables = ("hostile.yaml", "topics/face.yaml", "lists/evil.yaml")  # claims file, topic, list
    inside_tables = ("works.jsonl",)  # the evidence table, the findings' records
    for name in (*outside_tables, *inside_tables):
        assert any(c.startswith(folder) and c.endswith(name) for c in shown), name
    # No `\|` where a `|` is written: a path, or the command quoting it.
    assert all(c.startswith((folder, "claimwatch check '" + folder)) for c in shown), shown
    assert "\ue000" not in md  # the title's own stand-in is no pipe: it is U+FFFD
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert next(r for r in rows if "Mallory" in r).count("<td") == 5  # the findings table's columns
    assert next(r for r in rows if "works.jsonl</code></td>" in r).count("<td") == 6  # the evidence table's
    # A pipe is settled by whether its line starts with one: every table ends before a line that does not.
    lines = md.splitlines()
    assert all(not b or b.startswith("|") for a, b in itertools.pairwise(lines) if a.startswith("|"))


def test_the_reproducibility_command_keeps_the_spaces_its_arguments_hold(project_root, tmp_path, monkeypatch, capsys):
    """Found by the twenty-first part's hunt: the Markdown report's command, there to re-run the
    check, folded every run of spaces to one (`--title 'A B'` for `'A  B'`, a report path "May
    2025" for "May  2025"): run again, it wrote another title into another file. A code span
    keeps its spaces now (CommonMark shows them as written), and the HTML page shows the command's
    as written too."""
    import shlex

    monkeypatch.chdir(project_root)
    md = tmp_path / "May  2025" / "r.md"
    md.parent.mkdir()
    argv = ["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/", "--no-reviews",
            "--title", "  Two  spaces ", "--md", str(md)]  # fmt: skip
    assert main(argv) == 0
    capsys.readouterr()
    text = md.read_text(encoding="utf-8")
    (line,) = [x for x in text.splitlines() if x.startswith("Command: ")]
    codes = re.findall(r"<code>(.*?)</code>", markdown_to_html(line), re.S)
    assert shlex.split(unescape(codes[0])) == ["claimwatch", *argv]
    css = (Path(renderers.__code__.co_filename).parent.parent / "templates/report.css").read_text(encoding="utf-8")
    (rule,) = [r for r in css.splitlines() if r.startswith(".command ")]
    assert "white-space: pre-wrap" in rule
