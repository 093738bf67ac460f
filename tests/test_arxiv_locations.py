"""A journal record and its arXiv preprint are one work (issue 18, twelfth part).

OpenAlex often keeps a work record for an arXiv preprint (DOI 10.48550/arXiv.ID) beside the
journal article's, and lists the preprint among the article's `locations` (as the real API page
in ../shared/data does for arXiv 2007.14454: `landing_page_url` https://arxiv.org/abs/ID). The
article's record gave no arXiv id, so the two counted as two works: PersonMAE (arXiv 2311.04496,
November 2023; IEEE Transactions on Multimedia, 2024; FACTS.md) counted as a 2024 work against a
claim from January 2024, where its first version came before the claim. The article now takes
the arXiv id of its one arXiv location, so the two are versions of one work, dated by the first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.works import Origin, work_from_openalex
from helpers import HIT, LAB, authorship, work, write, write_jsonl
from test_columnar_engine import engines_agree
from test_name_forms import CLAIMS, LIST

ORIGIN = Origin("snapshot", "works.jsonl", 1)


def location(url: str, pdf: str | None = None, source: str = "arXiv (Cornell University)") -> dict:
    """A location as OpenAlex writes one."""
    return {
        "is_oa": True,
        "landing_page_url": url,
        "pdf_url": pdf,
        "source": {"id": "https://openalex.org/S4306400194", "display_name": source, "type": "repository"},
        "version": "submittedVersion",
    }


JOURNAL = location("https://doi.org/10.1109/tmm.2024.3405649", source="IEEE Transactions on Multimedia")


@pytest.mark.parametrize(
    ("locations", "arxiv"),
    [
        ([JOURNAL, location("https://arxiv.org/abs/2311.04496")], "2311.04496"),
        ([JOURNAL, location("http://arxiv.org/abs/2311.04496v2", "http://arxiv.org/pdf/2311.04496v2")], "2311.04496"),
        ([location("https://arxiv.org/pdf/2311.04496.pdf")], "2311.04496"),
        ([location("http://arxiv.org/abs/hep-th/9711200v3")], "hep-th/9711200"),
        ([JOURNAL], None),
        ([location("https://arxiv.org/abs/2311.04496"), location("https://arxiv.org/abs/2401.00001")], None),
        ([location("https://arxiv.org/abs/2311.04496/../../2401.00001")], None),  # no page of one id
        ([location("https://example.org/?next=https://arxiv.org/abs/2311.04496")], None),
        ([{"landing_page_url": None}, None, "x", {"pdf_url": 7}], None),
        (None, None),
    ],
)
def test_the_arxiv_id_of_the_one_arxiv_location(locations, arxiv):
    record = work("W2", "PersonMAE", "2024-05-24", locations=locations)
    assert work_from_openalex(record, ORIGIN).arxiv == arxiv


def test_the_real_preprint_record_names_its_id_once(shared_data: Path):
    page = json.loads((shared_data / "openalex/api-page-works.json").read_bytes())
    (preprint,) = [r for r in page["results"] if r["id"] == "https://openalex.org/W3045921891"]
    keys = work_from_openalex(preprint, ORIGIN).identity_keys()
    assert keys == ["id:W3045921891", "doi:10.48550/arxiv.2007.14454", "arxiv:2007.14454"]


def check(tmp_path: Path, records: list[dict]):
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/named.yaml", LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    return result


AUTHORS = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]


def test_a_journal_version_of_a_preprint_from_before_the_claim_is_not_counted(tmp_path):
    preprint = work(
        "W1", "PersonMAE (preprint)", "2023-11-08", AUTHORS, doi="https://doi.org/10.48550/arxiv.2311.04496"
    )
    article = work(
        "W2", "PersonMAE", "2024-05-24", AUTHORS, doi="https://doi.org/10.1109/tmm.2024.3405649",
        locations=[JOURNAL, location("https://arxiv.org/abs/2311.04496")],
    )  # fmt: skip
    result = check(tmp_path, [preprint, article])
    assert (result.matched, result.uncertain) == (0, 0)


def test_without_the_preprint_record_the_article_still_counts(tmp_path):
    article = work(
        "W2", "PersonMAE", "2024-05-24", AUTHORS, doi="https://doi.org/10.1109/tmm.2024.3405649",
        locations=[JOURNAL, location("https://arxiv.org/abs/2311.04496")],
    )  # fmt: skip
    result = check(tmp_path, [article])
    assert result.verdict == "contradicted"
    assert result.findings[0].work.arxiv == "2311.04496"  # and the report links the preprint


def test_a_preprint_from_within_the_period_is_one_finding_not_two(tmp_path):
    preprint = work("W1", "A paper (preprint)", "2024-02-01", AUTHORS, doi="https://doi.org/10.48550/arxiv.2402.00001")
    article = work(
        "W2", "A paper", "2024-09-01", AUTHORS, doi="https://doi.org/10.1000/journal.1",
        locations=[location("https://arxiv.org/abs/2402.00001")],
    )  # fmt: skip
    result = check(tmp_path, [preprint, article])
    assert (result.verdict, result.matched) == ("contradicted", 1)


def _arxiv_keys(record: dict) -> list[str]:
    return [k for k in work_from_openalex(record, ORIGIN).identity_keys() if k.startswith("arxiv:")]


def test_an_arxiv_record_takes_no_second_arxiv_id_from_its_locations():
    """A record whose own DOI is an arXiv DOI names its arXiv id already; a location on another
    id makes two, which cannot both be the work's (found by a review of this part)."""
    record = work(
        "W1", "A preprint", doi="https://doi.org/10.48550/arxiv.2311.04496",
        locations=[location("https://arxiv.org/abs/2401.00001")],
    )  # fmt: skip
    assert _arxiv_keys(record) == ["arxiv:2311.04496"]
    same = work(
        "W1", "A preprint", doi="https://doi.org/10.48550/arxiv.2311.04496",
        locations=[location("https://arxiv.org/abs/2311.04496v3")],
    )  # fmt: skip
    assert _arxiv_keys(same) == ["arxiv:2311.04496"]


def test_an_old_style_id_is_read_without_its_subject_class():
    """Before 2007 an id is archive/number (math/0309136); its abstract page is reached as
    math.AG/0309136 too, and the preprint's DOI is 10.48550/arXiv.math/0309136."""
    article = work("W1", "An article", locations=[location("https://arxiv.org/abs/math.AG/0309136")])
    preprint = work("W2", "A preprint", doi="https://doi.org/10.48550/arxiv.math/0309136")
    assert _arxiv_keys(article) == _arxiv_keys(preprint) == ["arxiv:math/0309136"]
