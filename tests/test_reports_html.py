"""The HTML report as a browser sees it: headless Chromium loads the page, and the tests assert
on the DOM it builds (a section per claim, findings rows, the SVG chart, no script) and on the
network log (nothing fetched). A screenshot of the shipped report is kept as an artifact.

Chromium is Debian's (`/usr/bin/chromium`), installed by scripts/test when it is missing and the
user is root. Without it the browser tests skip and say why, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimwatch.reports.chart import timeline, timeline_svg
from claimwatch.reports.html import render_html
from claimwatch.results import Results
from test_people_reports import people_claim, works_claim
from test_people_reports import report as people_report
from test_reports import own_whys, reviewed_results, shipped_results, works_claims
from test_reports_hostile import HOSTILE_TITLE, SCRIPT, assert_inert_html, hostile_results

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT_DIR_VARIABLE = "CLAIMWATCH_SCREENSHOT_DIR"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, which scripts/test installs: skipped without it, failed under CI=true."""
    if CHROMIUM.exists():
        return CHROMIUM
    missing = f"{CHROMIUM} is missing: `apt-get install -y chromium` (scripts/test does it as root)"
    if os.environ.get("CI") == "true":
        pytest.fail(missing, pytrace=False)
    pytest.skip(missing)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    parts: list[Node | str] = field(default_factory=list)  # children and text, in document order

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        """Descendants with this tag and these attributes (`class_` names one of their classes)."""
        out = []
        for child in self.children:
            if child.tag == tag and child._has(attrs):
                out.append(child)
            out += child.find_all(tag, **attrs)
        return out

    def _has(self, attrs: dict[str, str]) -> bool:
        return all(
            value in self.classes if key == "class_" else self.attrs.get(key) == value for key, value in attrs.items()
        )

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def all_text(self) -> str:
        return "".join(self.text) + "".join(c.all_text() for c in self.children)

    def reading(self) -> str:
        """The text as a reader meets it, in document order, spaces folded."""
        return " ".join("".join(p if isinstance(p, str) else p.reading() for p in self.parts).split())


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Tree(HTMLParser):
    """The DOM Chromium serialised, as a tree (its output is well formed, void elements aside)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].text.append(data)
        self.stack[-1].parts.append(data)


@dataclass
class Loaded:
    dom: Node
    html: str
    page_requests: list[str]


def load_in_browser(chromium: Path, page: Path, tmp: Path) -> Loaded:
    """The page's DOM after Chromium loaded it, and every URL the page itself asked for."""
    netlog = tmp / "netlog.json"
    done = subprocess.run(
        [
            str(chromium),
            *FLAGS,
            f"--user-data-dir={tmp / 'profile'}",
            f"--log-net-log={netlog}",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    tree = _Tree()
    tree.feed(done.stdout)
    return Loaded(dom=tree.root, html=done.stdout, page_requests=page_requests(netlog))


def page_requests(netlog: Path) -> list[str]:
    """URLs requested on behalf of a page. Chromium's own traffic (updates, accounts) has no
    initiator ("not an origin"); a file:// page's requests come from the opaque origin "null"."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    starts = [e.get("params") or {} for e in log["events"] if e["type"] == start_job]
    return sorted({p["url"] for p in starts if "url" in p and p.get("initiator") != "not an origin"})


def screenshot(chromium: Path, page: Path, out: Path, tmp: Path, *, height: int) -> Path:
    done = subprocess.run(
        [
            str(chromium),
            *FLAGS,
            f"--user-data-dir={tmp / 'profile-shot'}",
            f"--window-size=1280,{height}",
            f"--screenshot={out}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[Results, Path]:
    results = shipped_results()
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(render_html(results), encoding="utf-8")
    return results, page


@pytest.fixture(scope="module")
def shipped_in_browser(chromium, shipped, tmp_path_factory) -> Loaded:
    return load_in_browser(chromium, shipped[1], tmp_path_factory.mktemp("browser"))


# --- the DOM of the shipped report ----------------------------------------------------------


def test_the_browser_shows_a_section_per_claim_with_its_verdict(shipped, shipped_in_browser):
    results, _ = shipped
    sections = shipped_in_browser.dom.find_all("section", class_="claim")
    assert [s.attrs["id"] for s in sections] == [f"claim-{r.claim}" for r in results.results]
    for section, r in zip(sections, results.results, strict=True):
        assert f"v-{r.verdict}" in section.classes
        (badge,) = [b for b in section.find_all("span", class_="badge")]
        assert (
            badge.all_text()
            == {
                "contradicted": "Contradicted",
                "insufficient_evidence": "Insufficient evidence",
                "supported": "Supported",
                "not_contradicted": "Not contradicted",
            }[r.verdict]
        )


def test_the_findings_tables_have_a_row_per_matching_work_and_charts_are_svg(shipped, shipped_in_browser):
    results, _ = shipped
    for r in results.results:
        (section,) = shipped_in_browser.dom.find_all("section", id=f"claim-{r.claim}")
        rows = [
            row
            for table in section.find_all("table", class_="matched")
            for row in table.find_all("tr", class_="finding")
        ]
        assert len(rows) == min(r.matched, 20), r.claim
        for row, f in zip(rows, r.findings, strict=False):
            assert f.work.title in row.all_text()
        charts = section.find_all("svg")
        assert len(charts) == (1 if r.matched else 0), r.claim
    synthetic = shipped_in_browser.dom.find_all("section", id="claim-msra-no-synthetic-media")[0]
    marks = [mark.all_text() for mark in synthetic.find_all("mark")]
    assert marks == ["Speech Synthesis", "Talking Faces", "talking face", "video generation", "Accent Conversion"]


def test_the_page_has_statements_lists_methods_and_a_reproducibility_footer(shipped_in_browser):
    dom = shipped_in_browser.dom
    headings = [h.all_text() for h in dom.find_all("h2")]
    assert headings[:3] == [
        "Microsoft, 2024-01-10",
        "Microsoft Research Asia (as reported; MSRA did not reply), 2022-04-08 reported, not confirmed",
        "Breitbart News, 2025-06-27",
    ]
    assert headings[3:] == ["Topics", "Reference lists", "Methods and caveats"]
    quote = dom.find_all("blockquote")[0].all_text()
    assert "The lab also has restrictions on work related to quantum computing" in quote
    (footer,) = dom.find_all("footer", class_="repro")
    assert "sha256" in footer.all_text() and "claims/microsoft-msra-2024.yaml" in footer.all_text()
    methods = dom.find_all("section", class_="methods")[0].all_text()
    assert "machine-made" in methods and re.search(r"\d+ of \d+ \(\d+\.\d%\)", methods)


def test_the_page_runs_no_script_and_loads_nothing(shipped_in_browser):
    assert not shipped_in_browser.dom.find_all("script")
    assert shipped_in_browser.page_requests == []
    assert_inert_html(shipped_in_browser.html)


def test_the_network_check_sees_a_page_that_loads_something(chromium, tmp_path):
    # The check above must be able to fail: a page with an external image shows up in the log.
    page = tmp_path / "external.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="http://192.0.2.1/pixel.png">', encoding="utf-8")
    assert load_in_browser(chromium, page, tmp_path).page_requests == ["http://192.0.2.1/pixel.png"]


def test_hostile_evidence_reaches_the_dom_as_text(chromium, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(render_html(hostile_results(tmp_path / "case")), encoding="utf-8")
    loaded = load_in_browser(chromium, page, tmp_path)
    assert not loaded.dom.find_all("script") and not loaded.dom.find_all("img")
    assert loaded.page_requests == []
    (row,) = loaded.dom.find_all("tr", class_="finding")
    assert SCRIPT in row.all_text() and "[x](javascript:alert(1))" in row.all_text()
    assert HOSTILE_TITLE.split("\x1b")[0] in row.all_text()
    assert_inert_html(loaded.html)


def test_a_report_about_people_shows_each_person_in_the_browser_and_loads_nothing(chromium, tmp_path):
    results = people_report(people_claim(), works_claim())
    page = tmp_path / "people.html"
    page.write_text(render_html(results), encoding="utf-8")
    loaded = load_in_browser(chromium, page, tmp_path)
    assert loaded.page_requests == [] and not loaded.dom.find_all("script")
    assert_inert_html(loaded.html)
    (section,) = loaded.dom.find_all("section", id="claim-lab-no-recruits")
    matched, uncertain = section.find_all("table", class_="people")
    (row,) = matched.find_all("tr", class_="person")
    assert "Li Wei" in row.all_text() and "2019–2021" in row.reading()
    assert "(publication years, not employment dates)" in row.reading()
    assert "Zhang San" in uncertain.all_text() and not section.find_all("svg")  # no chart for people


def test_a_screenshot_of_the_report_is_kept(chromium, shipped, tmp_path_factory, capsys):
    """The artifact a person looks at: the shipped report as a browser draws it."""
    _, page = shipped
    folder = Path(os.environ.get(SCREENSHOT_DIR_VARIABLE) or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    shot = screenshot(chromium, page, folder / "claimwatch-report.png", tmp_path_factory.mktemp("shot"), height=15000)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    with capsys.disabled():
        print(f"\nscreenshot of the HTML report: {shot} (set {SCREENSHOT_DIR_VARIABLE} to keep it elsewhere)")


# --- the chart ------------------------------------------------------------------------------


def test_the_chart_counts_works_per_month_under_their_partner_institutions(shipped):
    results, _ = shipped
    data = timeline(results.result("watchdog-ten-papers"))
    assert data.months[0] == "2024-03" and data.months[-1] == "2025-06"
    (series,) = data.series
    label, counts = series
    assert label == "University of Science and Technology of China"
    assert counts[0] == 1 and sum(counts) == 1


def test_the_chart_is_the_same_svg_every_time_and_inline_ready(shipped):
    results, _ = shipped
    r = results.result("msra-no-military-university-partners")
    first, second = timeline_svg(r), timeline_svg(r)
    assert first == second
    assert first.startswith("<svg") and first.endswith("</svg>")
    assert "<?xml" not in first and "DOCTYPE" not in first and "<dc:date" not in first and "<script" not in first


# --- each shared fact once, linked (#17) ----------------------------------------------------


def dom(html: str) -> Node:
    """The page as a tree, parsed as written (the tests above parse what Chromium made of it)."""
    tree = _Tree()
    tree.feed(html)
    return tree.root


def ids_in(root: Node) -> list[str]:
    found = [root.attrs["id"]] if "id" in root.attrs else []
    for child in root.children:
        found += ids_in(child)
    return found


def test_every_in_page_link_has_its_target_and_every_id_is_unique_outside_the_charts(tmp_path):
    page = dom(render_html(reviewed_results(tmp_path)))
    ids = ids_in(page)
    ours = [
        i
        for i in ids
        if not re.match(r"(figure|axes|patch|line2d|text|xtick|ytick|legend|matplotlib|m[0-9a-f]{10}|p[0-9a-f]{10})", i)
    ]
    assert len(ours) == len(set(ours))
    targets = {a.attrs["href"][1:] for a in page.find_all("a") if a.attrs.get("href", "").startswith("#")}
    assert targets and targets <= set(ids)
    assert {"coverage-1", "evidence-1", "dates", "topic-synthetic-media", "list-dod-1286~note-1"} <= targets


def test_the_coverage_note_stands_once_in_methods_with_its_evidence_and_claims():
    results = own_whys(shipped_results())
    page = dom(render_html(results))
    (note,) = page.find_all("li", id="coverage-1")
    assert "no evidence covers Microsoft Research Asia completely" in note.all_text()
    works = works_claims(results)
    assert [a.attrs["href"] for a in note.find_all("a")] == ["#evidence-1"] + [f"#claim-{r.claim}" for r in works]
    (row,) = page.find_all("tr", id="evidence-1")
    assert "msra-2024.yaml" in row.all_text() and "not recorded (curated evidence" in row.all_text()
    sections = [
        s for s in page.find_all("section", class_="claim") if s.attrs["id"] in {f"claim-{r.claim}" for r in works}
    ]
    assert len(sections) == len(works)
    for section in sections:
        (coverage,) = [dd for dd in section.find_all("dd") if "coverage note" in dd.all_text()]
        assert [a.attrs["href"] for a in coverage.find_all("a")] == ["#coverage-1"]
        assert "no evidence covers" not in section.all_text()


def test_the_masthead_names_the_cut_off_and_links_to_what_the_dates_mean():
    page = dom(render_html(shipped_results()))
    (meta,) = [p for p in page.find_all("p", class_="meta") if "claims from" in p.all_text()]
    (link,) = meta.find_all("a")
    assert link.attrs["href"] == "#dates" and link.all_text().startswith("open-ended claims assessed to: not recorded")
    assert len(page.find_all("h4", id="dates")) == 1
    assert "evidence as of" not in page.all_text()


# --- reviews (#17) --------------------------------------------------------------------------


def claim_section(page: Node, claim: str) -> Node:
    (section,) = page.find_all("section", id=f"claim-{claim}")
    return section


def test_dismissed_findings_stand_in_their_own_block_after_the_others_with_the_note(tmp_path):
    html = render_html(reviewed_results(tmp_path))
    section = claim_section(dom(html), "msra-no-synthetic-media")
    (matched,) = section.find_all("table", class_="matched")
    assert "Convert and Speak" not in matched.all_text()
    (block,) = section.find_all("div", class_="dismissed")
    (table,) = block.find_all("table", class_="dismissed")
    (row,) = table.find_all("tr", class_="finding")
    assert "Convert and Speak" in row.all_text()
    review = row.find_all("td")[-1].all_text()
    assert "Not a match" in review and "A. Analyst" in review and "2026-05-01" in review
    assert "Accent conversion of a speaker's own voice, not impersonation." in review
    assert html.index(
        '<table class="findings matched">', html.index('id="claim-msra-no-synthetic-media"')
    ) < html.index('<div class="dismissed">')


def test_reviewed_findings_show_decision_who_when_and_expiry(tmp_path):
    page = dom(render_html(reviewed_results(tmp_path)))
    (matched,) = claim_section(page, "msra-no-synthetic-media").find_all("table", class_="matched")
    reviews = [row.find_all("td")[-1].reading() for row in matched.find_all("tr", class_="finding")]
    assert reviews[0].startswith("Confirmed by B. Editor, 2026-05-02; expires 2027-01-01 “Zero-shot speech synthesis")
    assert reviews[1] == "not reviewed"
    (uncertain,) = claim_section(page, "msra-no-military-university-partners").find_all("table", class_="uncertain")
    (row,) = uncertain.find_all("tr", class_="finding")
    cells = [td.reading() for td in row.children if td.tag == "td"]
    assert cells[-2] == "disputed on review (see the review)"
    assert cells[-1].startswith(
        "Disputed by A. Analyst, 2026-05-03 “The USTC authors may have been visiting students.”"
    )


def test_reviews_not_applied_are_listed_with_their_reason(tmp_path):
    page = dom(render_html(reviewed_results(tmp_path)))
    (lapsed,) = claim_section(page, "msra-no-military-university-partners").find_all("div", class_="lapsed")
    (item,) = lapsed.find_all("li")
    text = item.reading()
    assert text.startswith("expired Confirmed of naturalspeech-3 by B. Editor, 2025-12-01; expires 2026-01-01.")
    assert "Not applied, as it held until 2026-01-01; the evidence is current to 2026-06-01." in text
    (facial,) = claim_section(page, "msra-no-facial-recognition").find_all("div", class_="lapsed")
    assert "its work is no longer a finding" in facial.all_text()
    (inputs,) = page.find_all("table", class_="inputs")
    assert "reviews" in [row.find_all("td")[0].all_text() for row in inputs.find_all("tr") if row.find_all("td")]


# --- the chart's text alternative -----------------------------------------------------------


def test_each_chart_is_one_image_named_by_its_text_alternative():
    page = dom(render_html(shipped_results()))
    section = claim_section(page, "watchdog-ten-papers")
    (svg,) = section.find_all("svg")
    assert svg.attrs["role"] == "img"
    (text,) = section.find_all("p", id=svg.attrs["aria-labelledby"])
    words = text.all_text()
    assert "2024-03: 1 (University of Science and Technology of China 1)" in words
    assert "The statement was made on 2025-06-27." in words and "The claim says at least 10 works" in words


# --- a word longer than the page ------------------------------------------------------------

LONG_WORD = "Unbreakable" * 273  # 3,003 characters, no space or hyphen to break at


def long_word_results(results: Results) -> Results:
    """The shipped results with a 3,000-character word in a claim's `says`, in the statement's
    quote and in a finding's title."""
    found = next(r for r in results.results if r.findings)
    finding = found.findings[0].model_copy(
        update={"work": found.findings[0].work.model_copy(update={"title": LONG_WORD})}
    )
    found = found.model_copy(update={"says": f"It says {LONG_WORD}.", "findings": (finding, *found.findings[1:])})
    statements = tuple(s.model_copy(update={"quote": LONG_WORD}) for s in results.statements)
    changed = tuple(found if r.claim == found.claim else r for r in results.results)
    return results.model_copy(update={"results": changed, "statements": statements})


def page_width(chromium: Path, html: str, tmp: Path) -> int:
    """How wide Chromium lays the page out in a 1280-pixel window. The report forbids scripts, so
    its Content Security Policy is dropped and one script added that writes the width down."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    probe = "<script>document.body.dataset.width = document.documentElement.scrollWidth</script>"
    page = tmp / "measured.html"
    page.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [
            str(chromium),
            *FLAGS,
            f"--user-data-dir={tmp / 'profile'}",
            "--window-size=1280,800",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<body[^>]*data-width="(\d+)"', done.stdout)
    assert found, "the probe did not run"
    return int(found.group(1))


def test_a_word_longer_than_the_page_wraps_instead_of_widening_it(chromium, shipped, tmp_path):
    html = render_html(long_word_results(shipped[0]))
    assert LONG_WORD in html
    assert page_width(chromium, html, tmp_path) <= 1280


def test_the_width_probe_sees_a_page_that_is_too_wide(chromium, tmp_path):
    # The check above must be able to fail: without the wrapping rule the same page is far wider.
    html = render_html(long_word_results(shipped_results()))
    html = html.replace("overflow-wrap: anywhere", "overflow-wrap: normal").replace(
        "overflow-wrap: break-word", "overflow-wrap: normal"
    )
    assert page_width(chromium, html, tmp_path) > 5000


def test_the_stylesheet_breaks_long_words_anywhere():
    # Without a browser: the rule that keeps a long word inside the page is on the body.
    css = (Path(render_html.__code__.co_filename).parent.parent / "templates/report.css").read_text(encoding="utf-8")
    body = re.search(r"^body \{([^}]*)\}", css, re.MULTILINE)
    assert body and "overflow-wrap: anywhere" in body.group(1)
    assert "overflow-wrap: break-word" not in css  # a cell given `break-word` would widen its column again


def test_a_check_writing_no_page_does_not_load_jinja2() -> None:
    """Jinja2 is loaded where a page or Markdown is rendered, not by every command's start-up
    (a check writing JSON and the terminal's lines started ~0.1 s of CPU later for it)."""
    said = "import sys, claimwatch.cli; print(sorted(m for m in sys.modules if m.split('.')[0] == 'jinja2'))"
    run = subprocess.run([sys.executable, "-c", said], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
