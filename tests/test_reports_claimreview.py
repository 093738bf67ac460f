"""ClaimReview JSON-LD: one review per claim, with the fields fact-check consumers read, and the
numeric scale exactly as docs/reports.md documents it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimwatch.reports.claimreview import (
    BEST_RATING,
    CLAIM_REVIEWED_LIMIT,
    RATING_SCALE,
    REPORTED_NOT_CONFIRMED,
    WORST_RATING,
    claim_reviewed,
    render_claimreview,
)
from claimwatch.results import VERDICT_WORDS, VERDICTS
from test_people_reports import people_claim, works_claim
from test_people_reports import report as people_report
from test_reports import shipped_results

DOCS = Path(__file__).resolve().parent.parent / "docs/reports.md"


@pytest.fixture(scope="module")
def shipped():
    results = shipped_results()
    return results, json.loads(render_claimreview(results))


def test_one_claimreview_per_claim_in_schema_org_context(shipped):
    results, doc = shipped
    assert doc["@context"] == "https://schema.org"
    assert [r["@type"] for r in doc["@graph"]] == ["ClaimReview"] * len(results.results)
    assert [r["identifier"] for r in doc["@graph"]] == [r.claim for r in results.results]


def test_claim_reviewed_is_short_and_names_no_verdict(shipped):
    results, doc = shipped
    verdict_words = {w.lower() for w in VERDICT_WORDS.values()} | {v.replace("_", " ") for v in VERDICTS}
    for review, r in zip(doc["@graph"], results.results, strict=True):
        text = review["claimReviewed"]
        assert 0 < len(text) < 75
        assert not any(w in text.lower() for w in verdict_words), text
        assert r.says.startswith(text.rstrip("\u2026"))


def test_item_reviewed_is_the_claim_as_its_speaker_made_it(shipped):
    results, doc = shipped
    for review, r in zip(doc["@graph"], results.results, strict=True):
        statement = results.statement_of(r)
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"] == {"@type": "Organization", "name": statement.speaker}
        assert item["datePublished"] == statement.made_on
        assert [a["headline"] for a in item["appearance"]] == [s.title for s in statement.sources]
    nyt = doc["@graph"][0]["itemReviewed"]["appearance"][0]
    assert nyt["publisher"] == {"@type": "Organization", "name": "The New York Times"}
    assert nyt["datePublished"] == "2024-01-10"
    assert [a["name"] for a in nyt["author"]] == ["Karen Weise", "Cade Metz", "David McCabe"]


def test_a_statement_reported_but_not_confirmed_is_said_so_in_the_claim(shipped):
    results, doc = shipped
    for review, r in zip(doc["@graph"], results.results, strict=True):
        statement = results.statement_of(r)
        item = review["itemReviewed"]
        if statement.confirmed:
            assert "description" not in item
        else:
            assert item["description"] == REPORTED_NOT_CONFIRMED
            assert item["author"] == {"@type": "Organization", "name": statement.speaker}
    assert REPORTED_NOT_CONFIRMED.startswith("Reported, not confirmed:")


def test_unconfirming_a_statement_changes_its_claimreview(shipped):
    results, _ = shipped
    reported = results.model_copy(
        update={"statements": tuple(s.model_copy(update={"confirmed": False}) for s in results.statements)}
    )
    assert all(
        r["itemReviewed"]["description"] == REPORTED_NOT_CONFIRMED
        for r in json.loads(render_claimreview(reported))["@graph"]
    )


def test_review_rating_gives_the_verdict_in_words_why_and_a_number(shipped):
    results, doc = shipped
    for review, r in zip(doc["@graph"], results.results, strict=True):
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == VERDICT_WORDS[r.verdict]
        assert rating["ratingExplanation"] == r.why
        assert rating["ratingValue"] == RATING_SCALE[r.verdict]
        assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)
        assert WORST_RATING <= rating["ratingValue"] <= BEST_RATING


def test_the_scale_orders_the_verdicts_and_is_documented_as_it_is():
    assert (
        RATING_SCALE["contradicted"]
        == WORST_RATING
        < RATING_SCALE["insufficient_evidence"]
        < RATING_SCALE["not_contradicted"]
        < RATING_SCALE["supported"]
        == BEST_RATING
    )
    assert set(RATING_SCALE) == set(VERDICTS)
    doc = DOCS.read_text(encoding="utf-8")
    for verdict, value in RATING_SCALE.items():
        row = rf"\|\s*{value}\s*\|\s*{re.escape(VERDICT_WORDS[verdict])}\s*\|\s*`{verdict}`\s*\|"
        assert re.search(row, doc), f"docs/reports.md has no scale row for {verdict} = {value}"


@pytest.mark.parametrize(
    "says",
    [
        "Microsoft blocks working with researchers from universities affiliated with China's military.",
        "A" * 200,
        "Short claim.",
        "Word " * 14 + "endword.",
    ],
)
def test_claim_reviewed_is_cut_at_a_word_under_75_characters(says):
    text = claim_reviewed(says)
    assert len(text) <= CLAIM_REVIEWED_LIMIT
    if len(says) <= CLAIM_REVIEWED_LIMIT:
        assert text == says
    else:
        assert text.endswith("\u2026")
        stem = text[:-1]
        assert says.startswith(stem) and (" " not in says[:CLAIM_REVIEWED_LIMIT] or says[len(stem)] in " ,;:.")


def test_the_output_is_deterministic_and_carries_no_date_of_its_own(shipped):
    results, doc = shipped
    assert render_claimreview(results) == render_claimreview(shipped_results())
    for review in doc["@graph"]:
        assert "datePublished" not in review and "url" not in review


def test_a_claim_about_people_is_reviewed_with_the_verdict_s_reason_about_persons():
    results = people_report(people_claim(), works_claim())
    people, works = json.loads(render_claimreview(results))["@graph"]
    claim = results.result("lab-no-recruits")
    assert people["identifier"] == "lab-no-recruits"
    assert people["claimReviewed"] == claim_reviewed(claim.says)
    rating = people["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"]) == ("Contradicted", 1)
    assert rating["ratingExplanation"] == claim.why and "1 person matches" in rating["ratingExplanation"]
    assert people["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example Corp"}
    assert works["reviewRating"]["ratingExplanation"] == "1 work matches although the claim expects none."
