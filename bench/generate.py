"""A seeded generator of OpenAlex-format work corpora with known ground truth.

    python bench/generate.py N OUT.jsonl.gz [--seed S] [--density sparse|dense]

Every record is shaped like a real OpenAlex work (see ../shared/data/openalex/). Each work is
drawn with known traits (subject author by id, by lineage or by raw text only; a partner by id,
lineage, raw text only, or a look-alike; topic phrases in the title or the abstract; a decoy
word; a date inside, outside or straddling the period; a duplicate record), and the ground
truth for the bench's claims is computed from those traits, never by running claimwatch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

SUBJECT = "I4210113369"  # Microsoft Research Asia
SUBJECT_LAB = "I4210900001"  # a made-up lab whose lineage holds the subject
PARTNER = "I204983213"  # Harbin Institute of Technology
PARTNER_CAMPUS = "I4210900002"  # a made-up campus whose lineage holds the partner
LATE_PARTNER = "I4210900003"  # a made-up institute listed on 2024-06-01
PERIOD = (dt.date(2024, 1, 10), dt.date(2025, 6, 30))
# Every record's updated_date, and so the snapshot's as-of: after every date the corpus gives, as
# OpenAlex's records mostly are (a date after it may be any day before: it would straddle).
RECORDS_CURRENT = dt.date(2026, 1, 1)
LATE_LISTING = dt.date(2024, 6, 1)

FILLER = [
    "model",
    "data",
    "learning",
    "network",
    "method",
    "results",
    "approach",
    "performance",
    "training",
    "framework",
    "images",
    "features",
    "proposed",
    "task",
    "show",
    "experiments",
    "dataset",
    "accuracy",
    "benchmark",
    "representation",
    "analysis",
    "system",
    "robust",
    "efficient",
    "novel",
    "evaluation",
    "graph",
    "signal",
    "attention",
    "transformer",
    "layer",
]
FACE_PHRASES = ["face recognition", "facial recognition", "face verification", "Face Recognition"]
SYNTH_PHRASES = ["speech synthesis", "text-to-speech", "deepfake", "talking-head", "voice cloning"]
DECOYS = ["surface reconstruction", "user interface", "model quantization", "quantum dots"]


@dataclass(frozen=True)
class Density:
    """How often each trait is drawn. `sparse` is bench's own corpus (1 to 100 authors, one at
    the subject, 5% with a listed partner); `dense` is issue 18's case, where matches are dense:
    12% with a listed partner, 5% on face recognition, 3% on synthetic media, 2 to 13 authors a
    work, most at the subject."""

    subject: tuple[float, float, float, float]  # by id, by lineage, by raw text only, none
    partner: tuple[float, float, float, float, float, float]  # id, lineage, raw, late, look-alike, none
    topic: tuple[float, float, float, float, float, float]  # face title/abstract, synth title/abstract, decoy, none
    dense_authors: bool


DENSITIES = {
    "sparse": Density(
        (0.90, 0.03, 0.02, 0.05), (0.03, 0.01, 0.01, 0.01, 0.01, 0.93), (0.01, 0.01, 0.01, 0.01, 0.02, 0.94), False
    ),
    "dense": Density(
        (0.90, 0.03, 0.02, 0.05), (0.08, 0.02, 0.01, 0.01, 0.01, 0.87), (0.025, 0.025, 0.015, 0.015, 0.02, 0.90), True
    ),
}


@dataclass
class Truth:
    """Per claim: works that must match, and works that must be reported uncertain."""

    matched: dict[str, int] = field(default_factory=dict)
    uncertain: dict[str, int] = field(default_factory=dict)
    records: int = 0
    distinct: int = 0

    def add(self, claim: str, status: str | None) -> None:
        if status == "matched":
            self.matched[claim] = self.matched.get(claim, 0) + 1
        elif status == "uncertain":
            self.uncertain[claim] = self.uncertain.get(claim, 0) + 1


def _institution(iid: str | None, name: str, lineage: list[str] | None = None) -> dict:
    return {
        "id": f"https://openalex.org/{iid}" if iid else None,
        "display_name": name,
        "ror": None,
        "country_code": "CN",
        "type": "education",
        "lineage": [f"https://openalex.org/{x}" for x in (lineage or ([iid] if iid else []))],
    }


def _authorship(name: str, institutions: list[dict], raw: list[str], position: str) -> dict:
    return {
        "author_position": position,
        "author": {"id": None, "display_name": name, "orcid": None},
        "institutions": institutions,
        "countries": ["CN"],
        "is_corresponding": False,
        "raw_author_name": name,
        "raw_affiliation_strings": raw,
        "affiliations": [
            {"raw_affiliation_string": r, "institution_ids": [i["id"] for i in institutions if i["id"]]} for r in raw
        ],
    }


def _abstract(rng: random.Random, words: int, phrase: str | None) -> dict[str, list[int]]:
    tokens = [rng.choice(FILLER) for _ in range(words)]
    if phrase:
        at = rng.randrange(words)
        tokens[at:at] = phrase.split()
    index: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        index.setdefault(t, []).append(i)
    return index


def _date(rng: random.Random) -> tuple[str, str]:
    """A publication date string and where it lies: inside, outside or straddling the period.

    OpenAlex writes a date known only to the year as YYYY-01-01, and claimwatch reads every
    1 January date so: a year only, or a day that falls on 1 January, lies where its year does."""
    roll = rng.random()
    if roll < 0.04:  # a year only: 2024 and 2025 straddle the period's ends, 2023 is outside
        year = rng.choice([2023, 2024, 2025])
        return f"{year}-01-01", _year_lies(year)
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(365 * 4))
    if (day.month, day.day) == (1, 1):
        return day.isoformat(), _year_lies(day.year)
    if day > RECORDS_CURRENT:  # a date after its record was current may be any day before it
        return day.isoformat(), "straddle"
    return day.isoformat(), "inside" if PERIOD[0] <= day <= PERIOD[1] else "outside"


def _year_lies(year: int) -> str:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if last < PERIOD[0] or first > PERIOD[1]:
        return "outside"
    return "inside" if PERIOD[0] <= first and last <= PERIOD[1] else "straddle"


def generate(n: int, out: Path, seed: int = 7, density: str = "sparse") -> Truth:
    rng = random.Random(seed)
    truth = Truth()
    profile = DENSITIES[density]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as f:
        for k in range(n):
            record, traits = _work(rng, k, profile)
            f.write(json.dumps(record, separators=(",", ":")) + "\n")
            truth.records += 1
            truth.distinct += 1
            if rng.random() < 0.01:  # an older copy of the same record: collapses on import
                older = dict(record, updated_date="2020-01-01T00:00:00", title="an older copy")
                f.write(json.dumps(older, separators=(",", ":")) + "\n")
                truth.records += 1
            _judge(truth, traits)
    return truth


def _work(rng: random.Random, k: int, profile: Density) -> tuple[dict, dict]:
    subject = rng.choices(["id", "lineage", "raw", "none"], profile.subject)[0]
    partner = rng.choices(["id", "lineage", "raw", "late", "lookalike", "none"], profile.partner)[0]
    topic = rng.choices(
        ["face-title", "face-abstract", "synth-title", "synth-abstract", "decoy", "none"], profile.topic
    )[0]
    date, where = _date(rng)
    authors = []
    n_authors = rng.randint(2, 13) if profile.dense_authors else max(1, min(100, int(rng.lognormvariate(1.6, 0.6))))
    subject_inst = {
        "id": [_institution(SUBJECT, "Microsoft Research Asia")],
        "lineage": [_institution(SUBJECT_LAB, "MSRA Lab", [SUBJECT_LAB, SUBJECT])],
        "raw": [],
        "none": [_institution("I1", "Some University")],
    }[subject]
    subject_raw = (
        ["Microsoft Research Asia, Beijing, China"] if subject == "raw" else [i["display_name"] for i in subject_inst]
    )
    authors.append(_authorship("Subject Author", subject_inst, subject_raw, "first"))
    partner_inst = {
        "id": [_institution(PARTNER, "Harbin Institute of Technology")],
        "lineage": [_institution(PARTNER_CAMPUS, "HIT Shenzhen", [PARTNER_CAMPUS, PARTNER])],
        "raw": [],
        "late": [_institution(LATE_PARTNER, "Late Institute")],
        "lookalike": [_institution("I2", "Harbin Medical University")],
        "none": None,
    }[partner]
    if partner_inst is not None:
        raw = (
            ["School of Computing, Harbin Engineering University, Harbin"]
            if partner == "raw"
            else [i["display_name"] for i in partner_inst]
        )
        authors.append(_authorship("Partner Author", partner_inst, raw, "middle"))
    # Dense: most authors are the subject's, as its first author is (by id, lineage or text).
    at_subject = int(n_authors * rng.uniform(0.5, 0.9)) if profile.dense_authors and subject != "none" else 1
    for i in range(len(authors), n_authors):
        if i < at_subject:
            authors.append(_authorship(f"Author {i}", subject_inst, subject_raw, "middle"))
            continue
        authors.append(
            _authorship(
                f"Author {i}", [_institution("I3", "Tsinghua University")], ["Tsinghua University, Beijing"], "middle"
            )
        )
    title_words = [rng.choice(FILLER) for _ in range(rng.randint(6, 14))]
    title_phrase = {
        "face-title": rng.choice(FACE_PHRASES),
        "synth-title": rng.choice(SYNTH_PHRASES),
        "decoy": rng.choice(DECOYS),
    }.get(topic)
    if title_phrase:
        title_words.insert(rng.randrange(len(title_words)), title_phrase)
    abstract_phrase = {"face-abstract": rng.choice(FACE_PHRASES[:3]), "synth-abstract": rng.choice(SYNTH_PHRASES)}.get(
        topic
    )
    wid = f"W{5_000_000_000 + k}"
    record = {
        "id": f"https://openalex.org/{wid}",
        "doi": f"https://doi.org/10.5555/bench.{k}",
        "title": " ".join(title_words).capitalize(),
        "display_name": " ".join(title_words).capitalize(),
        "publication_year": int(date[:4]),
        "publication_date": date,
        "ids": {"openalex": f"https://openalex.org/{wid}"},
        "language": "en",
        "type": "article",
        "authorships": authors,
        "is_retracted": False,
        "is_authors_truncated": False,
        "topics": [],
        "primary_topic": None,
        "keywords": [],
        "abstract_inverted_index": _abstract(rng, rng.randint(120, 260), abstract_phrase),
        "updated_date": f"{RECORDS_CURRENT}T00:00:00",
        "created_date": "2024-01-01",
    }
    return record, {"subject": subject != "none", "partner": partner, "topic": topic, "where": where, "date": date}


def _judge(truth: Truth, t: dict) -> None:
    """The ground truth for the five bench claims, from the traits alone."""
    if not t["subject"] or t["where"] == "outside":
        return
    certain = t["where"] == "inside"
    listed = t["partner"] in ("id", "lineage", "raw", "late")
    face = t["topic"] in ("face-title", "face-abstract")
    synth = t["topic"] in ("synth-title", "synth-abstract")

    def status(holds: bool) -> str | None:
        return None if not holds else "matched" if certain else "uncertain"

    truth.add("bench-no-listed-partners", status(listed))
    truth.add("bench-no-face", status(face))
    truth.add("bench-no-synthetic-media", status(synth))
    truth.add("bench-no-face-with-listed-partners", status(face and listed))
    # listed_before_publication: the late entry counts only from 2024-06-01; a year-only date
    # straddles the period anyway.
    if t["partner"] == "late" and certain:
        truth.add(
            "bench-listed-before-publication", "matched" if dt.date.fromisoformat(t["date"]) >= LATE_LISTING else None
        )
    else:
        truth.add("bench-listed-before-publication", status(listed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--density", choices=sorted(DENSITIES), default="sparse")
    args = parser.parse_args()
    truth = generate(args.n, args.out, args.seed, args.density)
    print(json.dumps(truth.__dict__, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
