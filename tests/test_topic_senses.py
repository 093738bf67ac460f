"""Other senses of a shipped topic's words (issue 18, seventeenth part). The shipped topics
counted as certain what their own rationales rule out: video search ("text-to-video retrieval"
on MSR-VTT) and microbiology's growth media ("grown in synthetic media") as synthetic media;
"quantum computing inspired" classical algorithms as quantum computing; people's own face
perception (eyewitnesses, passport officers) and animals' faces as facial recognition. Each is
an exclusion now, which hides only the match inside it: another sense in the same text still
matches. Texts are shaped as real titles and abstracts read."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate._matchers import TopicMatcher
from claimwatch.works import Origin, Work

TOPICS = Path(__file__).resolve().parents[1] / "claims/topics"


def phrases(topic: str, title: str, abstract: str = "") -> list[tuple[str, str]]:
    matcher = TopicMatcher(claims_mod.load_topic(TOPICS / f"{topic}.yaml"))
    work = Work("W1", title, None, (), Origin("snapshot", "x", 1), abstract_text=abstract or None)
    return [(r.field, r.text) for r in matcher.reasons(work, lambda: frozenset())]


@pytest.mark.parametrize(
    "topic, title, abstract",
    [
        (
            "synthetic-media",
            "CLIP-ViP: Adapting pre-trained image-text model to video-language alignment",
            "Our model achieves state-of-the-art results on the text-to-video retrieval task on MSR-VTT, "
            "DiDeMo, LSMDC and ActivityNet.",
        ),
        ("synthetic-media", "Efficient text-to-video moment retrieval with temporal grounding", ""),
        ("synthetic-media", "Growth of Saccharomyces cerevisiae in synthetic media with defined nitrogen sources", ""),
        ("synthetic-media", "Antigen presentation in synthetic media supplemented with serum", ""),
        ("synthetic-media", "Biofilm formation", "Strains were grown in synthetic media at 30 °C for 48 h."),
        (
            "synthetic-media",
            "Biofilm formation",
            "Cells were grown in a synthetic medium and in synthetic culture media.",
        ),
        ("quantum-computing", "A quantum computing inspired evolutionary algorithm for the knapsack problem", ""),
        ("quantum-computing", "Quantum-computing-inspired optimisation of feature selection", ""),
        ("quantum-computing", "Quantum-inspired algorithm for recommendation systems", ""),
        ("facial-recognition", "Unfamiliar face verification by passport officers", ""),
        ("facial-recognition", "Eyewitness face identification accuracy in police lineups", ""),
        ("facial-recognition", "Individual differences in face recognition ability", ""),
        ("facial-recognition", "Cattle face recognition with deep metric learning", ""),
        ("facial-recognition", "Pig face identification on farms", "We study face recognition of pigs in barns."),
    ],
)
def test_another_sense_is_not_counted(topic, title, abstract):
    assert phrases(topic, title, abstract) == []


@pytest.mark.parametrize(
    "topic, title, abstract, found",
    [
        (
            "synthetic-media",
            "A unified video-language model",
            "We evaluate on text-to-video retrieval on MSR-VTT and on text-to-video generation.",
            [("abstract", "text-to-video")],
        ),
        (
            "synthetic-media",
            "Make-A-Video: text-to-video generation without text-video data",
            "",
            [("title", "text-to-video")],
        ),
        (
            "synthetic-media",
            "Detecting synthetic media",
            "Cells were grown in synthetic media; separately, we detect synthetic media such as deepfakes.",
            [("title", "synthetic media"), ("abstract", "synthetic media"), ("abstract", "deepfakes")],
        ),
        (
            "quantum-computing",
            "Quantum computing with superconducting qubits",
            "",
            [("title", "Quantum computing"), ("title", "qubits")],
        ),
        (
            "facial-recognition",
            "Face recognition across ages",
            "Unlike unfamiliar face verification by people, our face recognition model is robust.",
            [("title", "Face recognition"), ("abstract", "face recognition")],
        ),
        ("facial-recognition", "Masked face recognition for access control", "", [("title", "face recognition")]),
    ],
)
def test_the_topic_still_counts_beside_another_sense(topic, title, abstract, found):
    assert phrases(topic, title, abstract) == found


def test_the_unexcluded_senses_are_the_ones_the_rationales_name():
    """Each shipped topic that excludes phrases says why in its rationale."""
    for path in sorted(TOPICS.glob("*.yaml")):
        topic = claims_mod.load_topic(path)
        if topic.exclude_phrases:
            assert "exclude" in topic.rationale, path.name
