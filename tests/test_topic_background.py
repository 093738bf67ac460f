"""A topic's phrase named only as background (issue 18, thirty-fifth part).

Papers on animals' faces name people's face recognition as the background they are set against,
and papers on other biometrics name it to set their own apart: each was a certain match of the
shipped facial-recognition topic, a claim of no such work `contradicted`, though the work
recognises no person by the face. Where every match of a work stands so, the work shows the topic
only perhaps, saying why; a match anywhere that the work names as its own keeps it certain."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import LAB, authorship, topic_result_of_both_engines, work

SHIPPED = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()


def index(text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(text.split()):
        out.setdefault(w, []).append(i)
    return out


def judged(tmp_path, title: str, abstract: str | None = None):
    extra = {"abstract_inverted_index": index(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    return topic_result_of_both_engines(tmp_path, records, SHIPPED.replace("id: facial-recognition", "id: face"))


# Real abstracts of papers on animals' faces, each naming human face recognition as background
# beside the animals' the topic excludes: PetFace (ECCV 2024, https://arxiv.org/html/2407.13555v1),
# "Where Is My Puppy? Retrieving Lost Dogs by Facial Features" (https://ar5iv.arxiv.org/html/1510.02781)
# and "A Deep Learning Approach for Dog Face Verification and Recognition" (Mougeot et al., PRICAI
# 2019, https://scribd.com/document/673206445/Dog-Face-Verification-and-Recognition), cut to the
# sentences naming faces.
PETFACE = (
    "Automated animal face identification plays a crucial role in the monitoring of behaviors, conducting of "
    "surveys, and finding of lost animals. Despite the advancements in human face identification, the lack of "
    "datasets and benchmarks in the animal domain has impeded progress. In this paper, we introduce the PetFace "
    "dataset, a comprehensive resource for animal face identification encompassing 257,484 unique individuals."
)
PUPPY = (
    "In this paper, we inaugurate that promising avenue by pursuing face recognition for dogs. We contrast four "
    "ready-to-use human facial recognizers (EigenFaces, FisherFaces, LBPH, and a Sparse method) to two original "
    "solutions based upon convolutional neural networks: BARK (inspired in architecture-optimized networks "
    "employed for human facial recognition) and WOOF (based upon off-the-shelf OverFeat features). Human facial "
    "recognizers perform poorly for dogs (up to 60.5% accuracy), showing that dog facial recognition is not a "
    "trivial extension of human facial recognition."
)
DOG_VERIFICATION = (
    "Recently, deep learning methods for biometrics identification have mainly focused on human face "
    "identification and have proven their efficiency. However, little research have been performed on animal "
    "biometrics identification. In this paper, a deep learning approach for dog face verification and "
    "recognition is proposed and evaluated."
)


@pytest.mark.parametrize(
    ("title", "abstract", "said", "phrase"),
    [
        (
            "PetFace: A Large-Scale Dataset and Benchmark for Animal Identification",
            PETFACE,
            "human face identification",
            "face identification",
        ),
        (
            "Where Is My Puppy? Retrieving Lost Dogs by Facial Features",
            PUPPY,
            "human facial recognition",
            "facial recognition",
        ),
        (
            "A Deep Learning Approach for Dog Face Verification and Recognition",
            DOG_VERIFICATION,
            "human face identification",
            "face identification",
        ),
    ],
)
def test_the_human_sense_named_beside_an_excluded_animal_s_is_a_doubt(tmp_path, title, abstract, said, phrase):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its abstract says \u201c{said}\u201d, where \u201c{phrase}\u201d is named as the human sense, beside a "
            "phrase the topic excludes, not as what the work does",
        )
    }


# The forms that set a work apart from face recognition, as real texts write them: "Unlike face
# recognition, gait patterns are not affected by masks" and "Unlike face recognition or
# fingerprinting, which require high-resolution inputs, ..., gait recognition functions at a
# distance" (gait systems' descriptions), "Unlike face recognition, ear biometrics is not affected by
# ... cosmetics" (an ear-biometrics paper's introduction), "Face detection is different from face
# recognition" (face-detection tutorials), found in public repositories by the `find_string` tool.
@pytest.mark.parametrize(
    ("title", "said"),
    [
        (
            "Unlike face recognition, gait patterns are not affected by masks or poor lighting",
            "Unlike face recognition",
        ),
        (
            "Unlike face recognition or fingerprinting, which require close proximity, gait recognition works at a distance",
            "Unlike face recognition",
        ),
        (
            "In contrast to conventional face recognition, ear biometrics is not affected by cosmetics",
            "In contrast to conventional face recognition",
        ),
        ("Face detection is different from face recognition", "different from face recognition"),
    ],
)
def test_a_match_named_only_to_set_the_work_apart_is_a_doubt(tmp_path, title, said):
    result = judged(tmp_path, title)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    phrase = "face recognition"
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its title says \u201c{said}\u201d, where \u201c{phrase}\u201d is named only to set the work apart from "
            "it, not as what the work does",
        )
    }


# A match the work names as its own anywhere keeps it certain: real face-recognition abstracts that
# name it as background too ("face recognition has achieved a great success in recent years", Face
# Recognition via Centralized Coordinate Learning, https://www.arxiv-vanity.com/papers/1801.05678/);
# a work setting itself apart from others of the topic ("Unlike existing face recognition methods",
# "unlike methods for face recognition"), or doing the human sense beside an animal's ("Pig facial
# recognition and human facial recognition"); "human face recognition" where nothing is excluded.
@pytest.mark.parametrize(
    "title",
    [
        "Face Recognition via Centralized Coordinate Learning. Owe to the rapid development of deep neural network "
        "techniques, face recognition has achieved a great success in recent years",
        "Unlike existing face recognition methods, we propose a margin loss",
        "Unlike methods for face recognition, we propose a margin loss",
        "Unlike face recognition, we study gait. Our face recognition system works well",
        "Pig facial recognition and human facial recognition",
        "Human face recognition and pig face recognition",
        "Deep human face recognition in the wild",
    ],
)
def test_a_match_the_work_names_as_its_own_stays_certain(tmp_path, title):
    result = judged(tmp_path, title)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# A title names what the work does: "human face recognition" in a title holding no excluded phrase is
# the work's own, whatever its abstract says of animals' faces or of a person's faculty in passing.
# The titles are real ("Human face recognition based on multidimensional PCA and extreme learning
# machine", Pattern Recognition 44(10), 2011; "Combining Gabor features: summing vs. voting in human
# face recognition", IEEE SMC 2003, listed at https://technodocbox.com/amp/72045556-3D_Graphics/
# Robust-face-detection-based-on-convolutional-neural-networks.html); the asides are the related-work
# sentence Mougeot et al.'s abstract writes, turned round ("little research have been performed on
# animal biometrics identification", above), and the psychology a face paper cites. Each was a doubt
# (issue 18, thirty-fifth part, review); one title holding an excluded phrase still is.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Human face recognition based on multidimensional PCA and extreme learning machine",
            "Human face recognition has been studied for decades, while animal face recognition has received "
            "little attention. We combine multidimensional PCA with an extreme learning machine.",
        ),
        (
            "Combining Gabor features: summing vs. voting in human face recognition",
            "We compare two ways of combining Gabor features for human face recognition. Unlike the face "
            "recognition ability of people, a machine's can be measured on a benchmark.",
        ),
    ],
)
def test_the_human_sense_a_title_names_is_the_work_s_own(tmp_path, title, abstract):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


def test_the_human_sense_in_a_title_holding_an_excluded_phrase_is_still_a_doubt(tmp_path):
    result = judged(
        tmp_path,
        "From human face recognition to cattle face recognition",
        "We transfer models trained for human face recognition to cattle face recognition.",
    )
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            "its title says \u201chuman face recognition\u201d, where \u201cface recognition\u201d is named as the human "
            "sense, beside a phrase the topic excludes, not as what the work does",
        )
    ]


# A comma alone after the human sense closed a phrase opening the sentence, not a list, yet was read
# as "and", the two joined as two things the work does: "Despite the advancements in human face
# identification, animal face identification lags" (PetFace's opening phrase,
# https://arxiv.org/html/2407.13555v1, its clause's subject the animals' phrase, as cattle papers
# write it) and "Compared with human face recognition, cattle face recognition is more challenging"
# were certain in a cattle abstract with no other match, `contradicted` (issue 18, thirty-fifth part).
# A doubt now, as "Unlike human face recognition, ..." is; a list ("We study human face recognition,
# cattle face recognition and ...", "In this paper we study ...": a clause, not an opening phrase) and a
# title's own match stay certain.
@pytest.mark.parametrize(
    ("abstract", "said", "phrase"),
    [
        (
            "Compared with human face recognition, cattle face recognition is more challenging because cattle "
            "of one breed look alike. We propose a two-branch network.",
            "human face recognition",
            "face recognition",
        ),
        (
            "Despite the advancements in human face identification, animal face identification lags behind. "
            "We collect a dataset of cattle faces.",
            "human face identification",
            "face identification",
        ),
    ],
)
def test_the_human_sense_ending_a_sentence_s_opening_phrase_is_a_doubt(tmp_path, abstract, said, phrase):
    result = judged(tmp_path, "Individual cattle identification with a two-branch network", abstract)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its abstract says \u201c{said}\u201d, where \u201c{phrase}\u201d is named as the human sense, beside a "
            "phrase the topic excludes, not as what the work does",
        )
    }


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "A survey of face biometrics",
            "We study human face recognition, cattle face recognition and pig face recognition.",
        ),
        (
            "A survey of face biometrics",
            "In this paper we study human face recognition, cattle face recognition and pig face recognition.",
        ),
        (
            "A survey of face biometrics",
            "Human face recognition, cattle face recognition and pig face recognition are studied.",
        ),
        (
            "Human face recognition based on PCA",
            "Compared with human face recognition, cattle face recognition is more challenging.",
        ),
    ],
)
def test_the_human_sense_a_comma_lists_or_a_title_names_stays_certain(tmp_path, title, abstract):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# The human sense is background only beside an excluded phrase that says whose the match is, as
# "human" does: a word before it ("cattle face recognition") or "of", "in" or "for" one after ("face
# recognition of cattle"). Beside one that only runs on past its match, "human" sets no sense against
# another: a work synthesising "human talking head videos" whose title the synthetic-media topic
# holds an excluded television phrase of ("Audio-driven talking head interview synthesis", a title of
# this part's hunt), or Gabor features for human face recognition beside "the face recognition
# ability of people" (a person's faculty), was a doubt "named as the human sense", `insufficient_evidence`
# (issue 18, thirty-fifth part, reread). The abstracts' sentences are as theses and papers write them:
# "The ability to synthesise a video talking head from speech audio" (University of Leeds, 2023,
# https://drepo.sdl.edu.sa/items/cf31320e-a6b5-4b83-8a1b-42ccb22b0d3a), "synthesize human face video
# from any given input speech" (Wang et al., Speech Driven Talking Head Generation via Attentional
# Landmarks, https://vdocuments.us/speech-driven-talking-head-generation-via-attentional-videos-with-natural-head.html).
SYNTHETIC = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()


@pytest.mark.parametrize(
    ("topic", "title", "abstract"),
    [
        (
            SYNTHETIC.replace("id: synthetic-media", "id: face"),
            "Audio-driven talking head interview synthesis",
            "We synthesise realistic human talking head videos from speech audio and a single identity image.",
        ),
        (
            SHIPPED.replace("id: facial-recognition", "id: face"),
            "Combining Gabor features: summing vs. voting",
            "We compare two ways of combining Gabor features for human face recognition. Unlike the face "
            "recognition ability of people, a machine's can be measured on a benchmark.",
        ),
    ],
)
def test_the_human_sense_beside_a_phrase_not_saying_whose_stays_certain(tmp_path, topic, title, abstract):
    records = [work("W1", title, authorships=[authorship("A", [LAB])], abstract_inverted_index=index(abstract))]
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


def test_the_human_sense_beside_an_animal_after_of_is_still_a_doubt(tmp_path):
    result = judged(
        tmp_path,
        "Individual cattle identification with a two-branch network",
        "Compared with human face recognition, face recognition of cattle is more challenging.",
    )
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            "its abstract says \u201chuman face recognition\u201d, where \u201cface recognition\u201d is named as the human "
            "sense, beside a phrase the topic excludes, not as what the work does",
        )
    ]


# A match named as the means of telling animals apart said whose faces the work's are no less than
# "cattle face recognition" does, yet was certain, `contradicted`: "Biometric identification of dairy
# cows via real-time facial recognition" (Bergman, Yitzhaky and Halachmi, Animal 18(3) 101079, 2024,
# https://cris.iucc.ac.il/en/publications/biometric-identification-of-dairy-cows-via-real-time-facial-recog-2;
# its abstract cut to the sentences naming faces, "borrowed from human facial recognition" the human
# sense beside it), and titles as livestock journals write them (issue 18, thirty-sixth part). Where
# the match said of the animal ("facial recognition of cows") is a phrase the topic excludes: a doubt.
BERGMAN = (
    "Biometrics methods, which currently identify humans, can potentially identify dairy cows. Two datasets "
    "were acquired and annotated, one for facial detection and the second for facial classification of 77 cows. "
    "We achieved facial classification accuracy of 96.3% using a Vision-Transformer model with a unique "
    "loss-function borrowed from human facial recognition. Our method efficiently performs real-time facial "
    "detection and recognition on multiple cow faces using deep neural networks."
)


@pytest.mark.parametrize(
    ("title", "abstract", "said", "phrase", "animal", "excluded"),
    [
        (
            "Biometric identification of dairy cows via real-time facial recognition",
            BERGMAN,
            "cows via real-time facial recognition",
            "facial recognition",
            "cows",
            "facial recognition of cow",
        ),
        (
            "Individual identification of pigs using deep face recognition",
            None,
            "pigs using deep face recognition",
            "face recognition",
            "pigs",
            "face recognition of pig",
        ),
        (
            "Sheep identification with facial recognition in the field",
            None,
            "Sheep identification with facial recognition",
            "facial recognition",
            "Sheep",
            "facial recognition of sheep",
        ),
        (
            "Cows were identified with face recognition in the milking parlour",
            None,
            "Cows were identified with face recognition",
            "face recognition",
            "Cows",
            "face recognition of cow",
        ),
        (
            "Cattle re-identification via facial recognition",
            None,
            "Cattle re-identification via facial recognition",
            "facial recognition",
            "Cattle",
            "facial recognition of cattle",
        ),
        (
            "Cattle identification based on facial recognition and deep learning",
            None,
            "Cattle identification based on facial recognition",
            "facial recognition",
            "Cattle",
            "facial recognition of cattle",
        ),
    ],
)
def test_a_match_named_as_the_means_of_telling_animals_apart_is_a_doubt(
    tmp_path, title, abstract, said, phrase, animal, excluded
):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            f"its title says \u201c{said}\u201d, where \u201c{phrase}\u201d is named as the means of telling "
            f"\u201c{animal}\u201d apart: it may be their faces, as in \u201c{excluded}\u201d, a phrase the topic "
            "excludes",
        )
    ]


# Not where the animal's word is another thing's (a vendor's, a race's, malware's, an acronym's), where
# people stand in the sentence before it, or where another match is the work's own.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Hot dog vendors using face recognition for payments", None),
        ("Recognising jockeys in horse racing using face recognition", None),
        ("A Trojan horse attack with face recognition", None),
        ("DoG filtering with face recognition under varying illumination", None),
        ("Tracking people and their dogs with face recognition", None),
        ("Cattle farmers using facial recognition for payments", None),
        ("Cattle thieves were identified with face recognition", None),
        ("Dog owners identified by face recognition", None),
        ("Sheep identification with human face recognition models", None),
    ],
)
def test_an_animal_s_word_before_the_means_naming_another_thing_stays_certain(tmp_path, title, abstract):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# A title saying whose its matches are, naming none as the work's own, and a bare match in the
# abstract: certain before (issue 18, thirty-seventh part), `contradicted`, so that a paper on
# cattle's faces was held against the claim as soon as its abstract said "face recognition", as
# such abstracts do of their own method ("We train a face recognition network"). Built on the forms
# of the real titles the topic excludes (Witham 2018, "Automated face recognition of rhesus
# macaques", J. Neurosci. Methods 300:157). A doubt now, said why, on both engines.
@pytest.mark.parametrize(
    ("title", "abstract", "because"),
    [
        (
            "Cattle face recognition with deep learning",
            "We train a face recognition network on 10,000 images.",
            "its abstract says \u201cface recognition\u201d, where \u201cface recognition\u201d is named bare, the title "
            "naming it as \u201cCattle face recognition\u201d, a phrase the topic excludes",
        ),
        (
            "Macaque face recognition for population monitoring",
            "Face recognition lets field teams count individuals.",
            "its abstract says \u201cFace recognition\u201d, where \u201cface recognition\u201d is named bare, the title "
            "naming it as \u201cMacaque face recognition\u201d, a phrase the topic excludes",
        ),
        (
            "Automated face recognition of rhesus macaques",
            "We present a system that identifies individuals using face recognition.",
            "its abstract says \u201cface recognition\u201d, where \u201cface recognition\u201d is named bare, the title "
            "naming it as \u201cface recognition of rhesus macaques\u201d, perhaps \u201cface recognition of "
            "macaque\u201d, a phrase the topic excludes",
        ),
        # Certain before too, "a face recognition model" taken for the work's own: the title's doubt
        # (the means of telling cows apart) is said first.
        (
            "Identification of dairy cows via facial recognition",
            "We transfer a face recognition model to cows.",
            "its title says \u201ccows via facial recognition\u201d, where \u201cfacial recognition\u201d is named as "
            "the means of telling \u201ccows\u201d apart: it may be their faces, as in \u201cfacial recognition of "
            "cow\u201d, a phrase the topic excludes",
        ),
    ],
)
def test_a_bare_match_in_a_work_whose_title_says_whose_is_a_doubt(tmp_path, title, abstract, because):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {"W1": (because,)}


# Not where the title names a match as the work's own beside the excluded one, nor where the
# excluded phrase says whose in the abstract only: the title's words say what the work does.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Pig face recognition and human face recognition compared", "We train a face recognition network."),
        ("Face recognition with deep learning", "Cattle face recognition is a related task. We use face recognition."),
    ],
)
def test_a_bare_match_beside_a_title_naming_its_own_stays_certain(tmp_path, title, abstract):
    result = judged(tmp_path, title, abstract)
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())
