"""An excluded phrase hides a phrase's match inside it (docs/authoring.md#topics); one that cannot
do that is refused at its place.

Found by a helper writing a case: `exclude_phrases: [drone swarms]` beside the phrase
`drone swarm` (or `Drone-Swarm`, or the phrase itself) validated, and hid every match of the
phrase, as the matcher reads plurals and hyphens alike: the example case's paper stopped
matching, and its claim went from contradicted to insufficient evidence, in silence (on complete
coverage it would have been cleared). An exclusion holding none of the phrases, such as a word
of another field meant as a doubt phrase (`prosopagnosia`), hid nothing, and said nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.cli import main

TOPIC = "claims/topics/drone-swarms.yaml"


@pytest.fixture
def case(made_case: Path) -> Path:
    return made_case


def _exclude(case: Path, phrases: str) -> None:
    path = case / TOPIC
    text = path.read_text(encoding="utf-8")
    assert "exclude_phrases: []" in text
    path.write_text(text.replace("exclude_phrases: []", f"exclude_phrases: {phrases}"), encoding="utf-8")


@pytest.mark.parametrize("written", ["drone swarm", "drone swarms", "Drone-Swarm", "UAV swarms"])
def test_an_exclusion_that_is_a_phrase_itself_is_refused_not_left_to_hide_every_match(case, capsys, written):
    _exclude(case, f"[{written}]")
    assert main(["check", "claims/", "--evidence", "evidence/"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{TOPIC}:6:19: exclude_phrases[0] '{written}' is the phrase '")
    assert line.endswith(
        "itself, so it would hide every match of it; write the other sense in full, or its field's"
        " words under doubt_phrases"
    )


def test_an_exclusion_holding_no_phrase_is_refused_naming_doubt_phrases(case, capsys):
    _exclude(case, "[drone swarm light show, prosopagnosia]")
    assert main(["validate", "claims/"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{TOPIC}:6:43: exclude_phrases[1] 'prosopagnosia' holds none of the topic's phrases, so it hides nothing;"
        " words of another sense found beside a phrase go under doubt_phrases"
    ]


def test_an_exclusion_around_a_phrase_still_hides_only_the_match_inside_it(case, capsys):
    _exclude(case, "[drone swarm light show]")
    assert main(["check", "claims/", "--evidence", "evidence/", "--fail-on", "contradicted"]) == 1
    assert "1 work matches although the claim expects none" in capsys.readouterr().out


def test_an_inline_topic_is_held_to_the_same(case, capsys):
    claim = case / "claims/EXAMPLE.yaml"
    text = claim.read_text(encoding="utf-8").replace(
        "claims:\n",
        "topics:\n  drone-swarms:\n    name: Drone swarms\n    rationale: r\n"
        "    phrases: [drone swarm]\n    exclude_phrases: [drone swarms]\nclaims:\n",
        1,
    )
    claim.write_text(text, encoding="utf-8")
    assert main(["validate", "claims/EXAMPLE.yaml"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("claims/EXAMPLE.yaml:21:23: exclude_phrases[0] 'drone swarms' is the phrase 'drone swarm'")


# The shipped facial-recognition topic excludes recognising animals by their faces, but wrote
# only "<animal> face recognition" (issue 18, thirtieth part): "Pig facial recognition with deep
# networks", "Sheep's face recognition" and "Cows' face identification" (the forms such titles
# take: agricultural engineering writes "cattle facial recognition" as often as "face") were a
# certain "facial recognition", `contradicted` against a claim of no work on it; the topic's
# rationale says none identifies a person. The facial and possessive forms are excluded now.
@pytest.mark.parametrize(
    "title",
    [
        "Pig facial recognition with deep networks",
        "Cattle facial recognition on dairy farms",
        "Sheep's face recognition from drone images",
        "Cows' face identification in the barn",
        "Individual livestock facial recognition",
        # Both forms at once, and "of" (review of the thirtieth part): "<animal>'s facial
        # recognition" and "facial recognition of <animal>" were left out, so these were still
        # certain; "Pigs facial recognition" loses the possessive's apostrophe, as titles do.
        "Pig's facial recognition in group-housed pens",
        "Sheep\u2019s facial recognition with transfer learning",
        "Dogs' facial recognition for lost pets",
        "Pigs facial recognition",
        "Facial recognition of pigs on commercial farms",
        "Face identification of cattle with YOLO",
        # Verification and "in" (issue 18, thirty-first part): "<animal> face identification" and
        # "face recognition of <animal>" were excluded, but not "face verification" in any form nor
        # "in <animal>", so these were still certain, `contradicted`.
        "Cattle face verification with deep metric learning",
        "Sheep's face verification on farms",
        "Face verification of pigs",
        "Face recognition in cattle",
        "Facial recognition in sheep using transfer learning",
        "Face identification in dogs",
        "Face recognition for cattle",  # and "for <animal>", "for dog owners" a doubt below
        "Face verification for pigs on farms",
        # The animals' adjectives (review of the thirty-first part): a real abstract (Hindawi's
        # Scientific Programming 2022, 5773721, "Cow face recognition model based on SK_ResNet")
        # says "cow face recognition" and "the SK-ResNet-based bovine face recognition model",
        # a certain match by its second, `contradicted` (https://www.hindawi.com/journals/sp/2022/5773721/).
        "The SK-ResNet-based bovine face recognition model",
        "Porcine facial recognition in group-housed pens",
        "Canine face verification for lost pets",
        # Primates named by their kind (issue 18, thirty-seventh part): "primate" and "chimpanzee"
        # were excluded but no macaque, monkey or lemur, so these were certain, `contradicted`.
        # Real works write them so: Micheletta et al. 2015, "... face recognition in crested
        # macaques" (R. Soc. Open Sci. 2:150109, the macaques' own ability, a doubt for "crested":
        # https://pmc.ncbi.nlm.nih.gov/articles/PMC4453246/); MFID, "macaque facial recognition"
        # (https://ar5iv.labs.arxiv.org/html/1811.00743); LemurFaceID (Crouse et al. 2017, BMC
        # Zoology 2:2, https://bmczool.biomedcentral.com/articles/10.1186/s40850-016-0011-9).
        "Face recognition in macaques",
        "Macaque facial recognition for population monitoring",
        "Lemur face recognition from field photographs",
        "Face identification of lemurs",
        "Monkey face verification in group housing",
        "Face recognition in monkeys",
        # The topic's other forms (issue 18, thirty-seventh part): animals were excluded for
        # recognition, identification and verification alone, so these were certain,
        # `contradicted`. Mougeot et al. 2019 ("A Deep Learning Approach for Dog Face Verification
        # and Recognition", PRICAI) evaluate their model "on clustering dog faces"
        # (https://scribd.com/document/673206445/Dog-Face-Verification-and-Recognition).
        "Cattle face retrieval",
        "Pig face clustering",
        "Sheep face authentication",
        "Dog face anti-spoofing",
        "Unsupervised dog face clustering for lost pets",
        "Bovine face retrieval with metric learning",
        "Pig's face authentication on farms",
        # And after the face, as the other forms are excluded ("Face recognition of pigs").
        "Face clustering of dogs",
        "Face retrieval for cattle",
        "Face authentication of pigs",
        "Face anti-spoofing in sheep",
        # The primates and pandas excluded before the phrase alone ("Chimpanzee face recognition")
        # were certain after it, `contradicted`, where macaques were not (reread of the
        # thirty-seventh part): Schofield et al. 2019 recognise "chimpanzee faces" in the wild
        # (Sci. Adv. 5:eaaw0736); excluded for them now as for every other animal.
        "Face recognition of chimpanzees",
        "Face recognition in primates",
        "Face clustering of chimpanzees",
        "Face retrieval for pandas",
        "Face identification of pandas",
    ],
)
def test_the_shipped_topic_excludes_animals_faces_written_facial_or_possessive(tmp_path, title):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("not_contradicted", 0, 0)


# Animals the topic did not name (issue 18, thirty-seventh part) were certain matches,
# `contradicted`, though real works recognise them by their faces: BearID (Clapham et al. 2020,
# Ecol. Evol., "Automated facial recognition for wildlife that lack unique markings: A deep
# learning approach for brown bears", https://www.smithsonianmag.com/smart-news/new-i-offers-facial-recognition-grizzly-bears-180976276/;
# "A guide to designing a bear face recognition system",
# https://earthtoolsmaker.org/posts/bear-identification-with-metric-learning-guide); yaks
# (Chen et al., "194 yaks as part of classification and facial recognition",
# https://preprints.org/manuscript/202308.0140/v1); fish ("Fish Facial Recognition: Technology to
# Help Fish Stocks", https://www.themeateater.com/conservation/general/fish-facial-recognition-technology-to-help-fish-stocks).
@pytest.mark.parametrize(
    "title",
    [
        "Automated facial recognition for wildlife that lack unique markings: A deep learning approach for brown bears",
        "A guide to designing a bear face recognition system",
        "Brown bear face identification from camera traps",
        "Face recognition of bears",
        "Yak face recognition with transfer learning",
        "Face recognition in yaks",
        "Fish facial recognition to help fish stocks",
        "Wildlife face recognition",
        # Their possessives of the later forms were missing (reread of the thirty-seventh part):
        # certain, `contradicted`, where "Dog's face clustering" is nothing.
        "A bear's face clustering pipeline",
        "Fish's face retrieval",
        "Yak's face authentication",
    ],
)
def test_the_shipped_topic_excludes_bears_yaks_fish_and_wildlife_faces(tmp_path, title):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("not_contradicted", 0, 0)


# "bear" is a verb too: after "to", a modal or a pronoun, the match is the verb's object.
@pytest.mark.parametrize(
    "title",
    [
        "Failures that bear face recognition out",
        "Costs to bear face recognition",
        "It bears face recognition scrutiny",
    ],
)
def test_bear_as_a_verb_before_a_match_hides_nothing(tmp_path, title):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.matched) == ("contradicted", 1)


# The shipped topic's animals are one list written out in every form, so a name given some forms
# and not others is a hole: primate, chimpanzee and panda lacked "of", "in" and "for" until the
# reread of the thirty-seventh part. The adjectives (bovine, ...) and the people's senses
# ("eyewitness", "unfamiliar") come before the phrase alone, and "wildlife's" is no one's way.
def test_the_shipped_topic_excludes_every_animal_in_every_form():
    import yaml

    from test_negated_topics import SHIPPED

    excluded = set(yaml.safe_load((SHIPPED / "facial-recognition.yaml").read_text())["exclude_phrases"])
    forms = ["face recognition", "face identification", "face verification", "facial recognition"]
    forms += ["face authentication", "face anti-spoofing", "face clustering", "face retrieval"]
    animals = {p.removesuffix(" face recognition") for p in excluded if p.endswith(" face recognition")}
    animals = {a for a in animals if not a.endswith("'s")}  # the possessive forms, read below
    animals -= {"bovine", "porcine", "ovine", "caprine", "canine", "feline", "equine", "eyewitness", "unfamiliar"}
    assert len(animals) >= 20 and {"chimpanzee", "panda", "macaque", "bear"} <= animals
    missing = {
        (animal, phrase)
        for animal in animals
        for form in forms
        for phrase in (
            f"{animal} {form}",
            *(f"{form} {prep} {animal}" for prep in ("of", "in", "for")),
            *((f"{animal}'s {form}",) if animal != "wildlife" else ()),
        )
        if phrase not in excluded
    }
    assert missing == set()


# After another word no animal's "bear" follows, the thirty-seventh part read the verb, a certain
# match, `contradicted`, though such words begin titles on bears' faces as on any others' ("Towards
# ...", "Robust ...", "Few-shot ..."): either reading may hold, a doubt now (reread), said why, on
# both engines; a match beside it the work's own still certain.
@pytest.mark.parametrize(
    ("title", "said", "word"),
    [
        ("Towards bear face recognition", "Towards bear face recognition", "Towards"),
        ("Robust bear face identification in the wild", "Robust bear face identification", "Robust"),
        ("Few-shot bear face recognition", "shot bear face recognition", "shot"),
        ("Such attacks bear face recognition costs", "attacks bear face recognition", "attacks"),
    ],
)
def test_bear_after_a_word_not_surely_a_verb_s_is_a_doubt(tmp_path, title, said, word):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    excluded = " ".join(said.split()[1:])
    assert f.uncertain_because == (
        f"its title says \u201c{said}\u201d, where \u201cbear\u201d after \u201c{word}\u201d may be the animal "
        f"rather than the verb, as in \u201c{excluded}\u201d, a phrase the topic excludes",
    )


def test_bear_after_a_word_not_surely_a_verb_s_beside_the_work_s_own_match_stays_certain(tmp_path):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    title = "Towards bear face recognition and human face recognition"
    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.uncertain) == ("contradicted", 0)


def test_the_shipped_topic_still_finds_people_s_faces_beside_animals(tmp_path):
    from helpers import work
    from test_doubt_phrases import result
    from test_negated_topics import BY_LAB

    records = [work("W1", "Pig facial recognition and human facial recognition", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched) == ("contradicted", 1)
    records = [work("W1", "Facial recognition of pigs and human facial recognition", "2024-06-01", BY_LAB)]
    r = result(tmp_path / "of", records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched) == ("contradicted", 1)
    for i, title in enumerate(
        [
            "Cattle face verification and human face verification",
            "Pig face clustering and human face clustering",
            "A Trojan horse face authentication backdoor",
            "Face recognition in children",
            "Face recognition for children",
        ]
    ):
        r = result(tmp_path / f"in{i}", [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
        assert (r.verdict, r.matched) == ("contradicted", 1), title


# The shipped topic excludes "horse face recognition", "cat face recognition" and "panda face
# recognition" for animals' faces (issue 18, thirty-first part), and so hid a match where the word
# names no animal: "A Trojan horse face recognition backdoor" (backdoor attacks on face
# recognition models are a security field's, and call them Trojans) was nothing, the claim
# cleared; and an acronym in capitals ("CAT", "PANDA", the name of a dataset of people) hid it
# too. A Trojan horse is no horse: the match is certain. An acronym may be one: uncertain, said
# why. The word as an animal's, or a title all in capitals, is still excluded; both engines.
@pytest.mark.parametrize(
    ("title", "verdict", "because"),
    [
        ("A Trojan horse face recognition backdoor", "contradicted", None),
        ("Trojan-horse face recognition attacks", "contradicted", None),
        # "Monkey" excluded too (issue 18, thirty-seventh part), and Chaos Monkey is no monkey
        # (review of that part): nothing, the claim cleared, before.
        ("Chaos Monkey face recognition: resilience of a deployed service", "contradicted", None),
        ("Monkey face recognition in group housing", "insufficient_evidence", None),
        ("CAT face recognition with attention", "insufficient_evidence", ("CAT face recognition", "CAT", "cat")),
        (
            "Results on the PANDA face recognition benchmark",
            "insufficient_evidence",
            ("PANDA face recognition", "PANDA", "panda"),
        ),
        ("Horse face recognition in the stable", "insufficient_evidence", None),
        ("A dark horse face recognition of foals", "insufficient_evidence", None),
        ("CAT FACE RECOGNITION WITH ATTENTION", "insufficient_evidence", None),
        # A title in capitals but for a word a small letter ends, as agricultural titles write
        # their models ("YOLOv5", "CNNs"; review of the thirty-first part): the phrase is all in
        # capitals, no acronym before it, still excluded; "PANDA Face Recognition" is one.
        ("PIG FACE RECOGNITION BASED ON IMPROVED YOLOv5", "insufficient_evidence", None),
        ("CATTLE FACE RECOGNITION USING CNNs", "insufficient_evidence", None),
        (
            "Results on the PANDA Face Recognition Benchmark",
            "insufficient_evidence",
            ("PANDA Face Recognition", "PANDA", "panda"),
        ),
        ("Cat face recognition with attention", "insufficient_evidence", None),
    ],
)
def test_an_animal_s_word_that_names_no_animal_hides_no_match(tmp_path, title, verdict, because):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    assert (result.verdict, len(result.findings)) == (verdict, int(verdict == "contradicted"))
    expected = {}
    if because is not None:
        said, word, animal = because
        expected = {
            "W1": (
                f"its title says \u201c{said}\u201d, where \u201c{word}\u201d is written in capitals, perhaps an "
                f"acronym rather than the word of \u201c{animal} face recognition\u201d, a phrase the topic excludes",
            )
        }
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == expected


# The acronym's doubt read only an excluded phrase's first word (review of the thirty-first part),
# so the same form after "of", "in" or "for" hid the match: "Face recognition of DOG features under
# varying illumination" was nothing, the claim cleared in silence, where DOG is the Difference of
# Gaussians filter face recognition papers normalise light with ("difference of Gaussian filter
# (DOG for short)", J. Multimedia 7(6) 2012, https://paperzz.com/doc/7353850/an-improved-
# difference-of-gaussian-filter-in; "Difference of Gaussian (DOG) Method for Face Recognition",
# https://ijafrc.org/face-granulation-dog-method-recognition), and "... in CAT scans" too. The
# last word in capitals is read as the first is; a phrase all in capitals is still excluded.
@pytest.mark.parametrize(
    ("title", "said", "word", "excluded"),
    [
        ("Face recognition of DOG features under varying illumination", "Face recognition of DOG", "DOG", "of dog"),
        ("Face recognition in CAT scans", "Face recognition in CAT", "CAT", "in cat"),
        ("Face recognition for CAT", "Face recognition for CAT", "CAT", "for cat"),
        ("FACE RECOGNITION OF DOGS", None, None, None),
        ("Face recognition of dogs", None, None, None),
    ],
)
def test_an_animal_s_word_in_capitals_after_of_in_or_for_is_perhaps_an_acronym(tmp_path, title, said, word, excluded):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    assert (result.verdict, len(result.findings)) == ("insufficient_evidence", 0)
    expected = {}
    if said is not None:
        expected = {
            "W1": (
                f"its title says \u201c{said}\u201d, where \u201c{word}\u201d is written in capitals, perhaps an "
                f"acronym rather than the word of \u201cface recognition {excluded}\u201d, a phrase the topic excludes",
            )
        }
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == expected


# The shipped topic's "face recognition of <animal>" (thirtieth part) and "face recognition in
# <animal>" (this part) hid a match where the animal's word describes a noun after it (issue 18,
# thirty-first part): "Face recognition of dog owners" (of people), "Face recognition in
# animal-assisted therapy" were nothing, the claim cleared in silence. Such a word beginning a
# compound, or before a plural naming people, makes the match a doubt, said why, on both engines;
# "Face recognition of cattle under field conditions" and "... of cattle using YOLO" stay nothing.
@pytest.mark.parametrize(
    ("title", "said", "how", "excluded"),
    [
        (
            "Face recognition of dog owners in parks",
            "Face recognition of dog owners",
            "describe \u201cowners\u201d",
            "face recognition of dog",
        ),
        (
            "Face recognition of pig farmers",
            "Face recognition of pig farmers",
            "describe \u201cfarmers\u201d",
            "face recognition of pig",
        ),
        (
            "Face recognition for dog owners",
            "Face recognition for dog owners",
            "describe \u201cowners\u201d",
            "face recognition for dog",
        ),
        (
            "Face recognition in animal-assisted therapy for autism",
            "Face recognition in animal-assisted",
            "begin \u201canimal-assisted\u201d",
            "face recognition in animal",
        ),
        # A place people work at or visit after the animal's word (review of the thirty-first
        # part): "in cattle markets", "in pig farms" may be of the people there; these were nothing.
        (
            "Face recognition in cattle markets",
            "Face recognition in cattle markets",
            "describe \u201cmarkets\u201d",
            "face recognition in cattle",
        ),
        (
            "Face recognition in pig farms for biosecurity",
            "Face recognition in pig farms",
            "describe \u201cfarms\u201d",
            "face recognition in pig",
        ),
        (
            "Face recognition for cattle farm workers",
            "Face recognition for cattle farm",
            "describe \u201cfarm\u201d",
            "face recognition for cattle",
        ),
        ("Face recognition of pigs in pig farms", None, None, None),
        # Markup or an entity between the words (review of the thirty-first part: nothing, the
        # noun read on the text as written; abstracts set words in italics, feeds write "&nbsp;").
        (
            "Face recognition of cattle <i>farmers</i>",
            "Face recognition of cattle <i>farmers",
            "describe \u201cfarmers\u201d",
            "face recognition of cattle",
        ),
        (
            "Face recognition of <i>cattle</i> farmers",
            "Face recognition of <i>cattle</i> farmers",
            "describe \u201cfarmers\u201d",
            "face recognition of cattle",
        ),
        (
            "Face recognition in cattle&nbsp;markets",
            "Face recognition in cattle&nbsp;markets",
            "describe \u201cmarkets\u201d",
            "face recognition in cattle",
        ),
        # People named past a word or two (issue 18, thirty-second part: nothing before), the words
        # between no word of grammar, no participle, and the plural no machine's.
        (
            "Face recognition of horse racing spectators",
            "Face recognition of horse racing spectators",
            "describe \u201cracing spectators\u201d",
            "face recognition of horse",
        ),
        (
            "Face recognition of sheep shearing contest competitors",
            "Face recognition of sheep shearing contest competitors",
            "describe \u201cshearing contest competitors\u201d",
            "face recognition of sheep",
        ),
        # "show" is one of spaCy's words of grammar (review of the thirty-second part: nothing),
        # but after an animal's word the event people visit.
        (
            "Face recognition of dog show visitors",
            "Face recognition of dog show visitors",
            "describe \u201cshow visitors\u201d",
            "face recognition of dog",
        ),
        (
            "Face recognition of horse show spectators at the arena",
            "Face recognition of horse show spectators",
            "describe \u201cshow spectators\u201d",
            "face recognition of horse",
        ),
        # A plural in "-ers" naming things or animals, not people (issue 18, thirty-third part: a
        # doubt before): a dog's facial markers, as Finding Rover's reports write them
        # (independent.co.uk, 2014, "Eight facial markers are used to identify dogs"); a network's
        # layers ("deeper transformer layers", a real sheep-face preprint); heifers, cattle. "herd
        # members" may be a club's, so it stays a doubt.
        ("Face recognition of dog facial markers", None, None, None),
        ("Face recognition of sheep transformer layers", None, None, None),
        ("Face recognition of cattle heifers", None, None, None),
        ("Face recognition of cattle ear tag numbers", None, None, None),
        (
            "Face recognition of cattle herd members",
            "Face recognition of cattle herd members",
            "describe \u201cherd members\u201d",
            "face recognition of cattle",
        ),
        # A possessive between the animal's word and the people (review of the thirty-third part):
        # "Face recognition of cows' owners", "... of sheep's owners" were nothing, the owners'
        # faces cleared in silence, where "... of sheep owners" is a doubt.
        (
            "Face recognition of sheep's owners",
            "Face recognition of sheep's owners",
            "describe \u201cowners\u201d",
            "face recognition of sheep",
        ),
        (
            "Face recognition of cattle\u2019s <i>handlers</i> on farms",
            "Face recognition of cattle\u2019s <i>handlers",
            "describe \u201chandlers\u201d",
            "face recognition of cattle",
        ),
        ("Face recognition of cattle using CNN classifiers", None, None, None),
        ("Face recognition of cattle trained classifiers", None, None, None),
        ("Face recognition of cattle feature extractors", None, None, None),
        ("Face recognition of cattle muzzle pattern descriptors", None, None, None),
        ("Face recognition of <i>cattle</i> under field conditions", None, None, None),
        ("Face recognition of cattle under field conditions", None, None, None),
        ("Face recognition of cattle using YOLO", None, None, None),
        ("Face recognition in sheep", None, None, None),
    ],
)
def test_an_animal_s_word_describing_a_noun_after_it_is_a_doubt(tmp_path, title, said, how, excluded):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    word = None if excluded is None else excluded.split()[-1]
    expected = (
        {}
        if said is None
        else {
            "W1": (
                f"its title says \u201c{said}\u201d, where \u201c{word}\u201d may {how} rather than name what \u201cface "
                f"recognition\u201d is said of, as in \u201c{excluded}\u201d, a phrase the topic excludes",
            )
        }
    )
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == expected


# The shipped topic excludes "face recognition ability" and "face recognition skill" as people's
# own, which psychology studies; but machine learning says it of its models (issue 18,
# thirty-first part): "Improving the face recognition ability of deep neural networks" and "The
# model's face recognition ability" were nothing, the claim cleared in silence. Said of a machine
# (its word after "of" or a possessive before), the match is a doubt, said why, on both engines;
# said of people ("of children with autism") it stays nothing.
@pytest.mark.parametrize(
    ("title", "said", "machine"),
    [
        (
            "Improving the face recognition ability of deep neural networks",
            "face recognition ability of deep neural networks",
            "networks",
        ),
        ("Boosting the face recognition skill of models", "face recognition skill of models", "models"),
        ("The model's face recognition ability under occlusion", "model's face recognition ability", "model"),
        ("Face recognition ability of children with autism", None, None),
        ("Face recognition ability in adults", None, None),
        # Review of the thirty-first part: a machine's word after the words "of" gives, or the
        # brain's system, made these doubts; said of people, they stay nothing.
        ("The face recognition ability of the human visual system", None, None),
        ("Face recognition ability of participants measured by a computer test", None, None),
        ("Face recognition ability of children using a computer task", None, None),
        (
            "Comparing the face recognition ability of humans and machines",
            "face recognition ability of humans and machines",
            "machines",
        ),
        # Review of the thirty-first part: a model named by words hyphens join, or by the
        # acronyms machine learning writes ("MLLMs", FaceRecBench, https://www.idiap.ch/paper/
        # facerecbench), was no machine's: nothing, the claim cleared.
        (
            "Face recognition ability of vision-language models",
            "Face recognition ability of vision-language models",
            "models",
        ),
        ("Benchmarking the face recognition ability of MLLMs", "face recognition ability of MLLMs", "MLLMs"),
        (
            "The face recognition ability of text-to-image models",
            "face recognition ability of text-to-image models",
            "models",
        ),
        ("Face recognition ability of middle-aged adults", None, None),
    ],
)
def test_a_person_s_faculty_the_topic_excludes_said_of_a_machine_is_a_doubt(tmp_path, title, said, machine):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    excluded = "face recognition skill" if said and "skill" in said else "face recognition ability"
    expected = (
        {}
        if said is None
        else {
            "W1": (
                f"its title says \u201c{said}\u201d, where \u201c{excluded}\u201d, a phrase the topic excludes as a "
                f"person's, is said of \u201c{machine}\u201d, a machine's",
            )
        }
    )
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == expected


# The shipped topic excludes "face recognition of <animal>" as written, but papers on animals'
# faces describe the animal ("Video Identification of Individual Holstein-Friesian Cattle", the
# Cows2021 paper, arXiv 2105.01938; "the Simmental beef cattle face image dataset", the TB-CNN
# abstract; "Biometric identification of dairy cows", Bergman et al., Animal 2024): "Face
# recognition of dairy cows" was a certain match, the claim contradicted (issue 18, thirty-third
# part). A word or two describing the excluded word between make it a doubt, said why, on both
# engines; a word naming people or joining words between leaves the match certain.
@pytest.mark.parametrize(
    ("title", "said", "between", "word", "excluded"),
    [
        (
            "Face recognition of dairy cows",
            "Face recognition of dairy cows",
            "dairy",
            "cows",
            "face recognition of cow",
        ),
        (
            "Face identification of individual Holstein-Friesian cattle",
            "Face identification of individual Holstein-Friesian cattle",
            "individual Holstein-Friesian",
            "cattle",
            "face identification of cattle",
        ),
        (
            "Face recognition of Simmental beef cattle in barns",
            "Face recognition of Simmental beef cattle",
            "Simmental beef",
            "cattle",
            "face recognition of cattle",
        ),
        (
            "Face recognition of <i>dairy</i> cows",
            "Face recognition of <i>dairy</i> cows",
            "dairy",
            "cows",
            "face recognition of cow",
        ),
        (
            "Face recognition of the cattle",
            "Face recognition of the cattle",
            "the",
            "cattle",
            "face recognition of cattle",
        ),
        # A title all in capitals, as OpenAlex gives many ("PIG FACE RECOGNITION BASED ON YOLOv5"):
        # "COWS" was skipped as perhaps an acronym, the match certain (review of the thirty-third
        # part), where "FACE RECOGNITION OF COWS" is nothing; capitals say so only beside words
        # that are not in capitals.
        (
            "FACE RECOGNITION OF DAIRY COWS BASED ON YOLOV5",
            "FACE RECOGNITION OF DAIRY COWS",
            "DAIRY",
            "COWS",
            "face recognition of cow",
        ),
        ("Face recognition of people and cattle", None, None, None, None),
        # The animal's word may itself describe people after it (review of the thirty-third part):
        # "Face recognition of elderly dog owners", "... of the old horse trainers", "... of
        # Holstein cattle farmers" (the forms "of dog owners", "of horse racing spectators" this
        # file reads, with a word before the animal's as the Cows2021 and TB-CNN papers write one)
        # were certain before the part and doubts in it, their reasons naming the animal the
        # owners' faces were said of. They are the owners', as written: certain again.
        ("Face recognition of elderly dog owners", None, None, None, None),
        ("face recognition of the old horse trainers", None, None, None, None),
        ("Face recognition of Holstein cattle farmers", None, None, None, None),
        ("Face recognition of young horse racing spectators", None, None, None, None),
        ("Face recognition of dairy cows' owners", None, None, None, None),
        ("Face recognition of <i>elderly</i> dog <i>owners</i>", None, None, None, None),
        # One of them: "the dog owner", "a cattle farmer" (whose plurals name people), but not "the
        # dog marker", a thing.
        ("Face recognition of the dog owner", None, None, None, None),
        ("Face recognition of a cattle farmer", None, None, None, None),
        (
            "Face recognition of the dog marker",
            "Face recognition of the dog",
            "the",
            "dog",
            "face recognition of dog",
        ),
        # A plural in "-ers" naming animals or things names no one: the animals' faces, perhaps.
        (
            "Face recognition of dairy cow heifers",
            "Face recognition of dairy cow",
            "dairy",
            "cow",
            "face recognition of cow",
        ),
        # A count before the animal's word, as papers on cattle faces give their herds ("facial
        # classification of 77 cows", Bergman et al., Animal 2024; "muzzle images collected from 268
        # beef cattle", arXiv 2311.08148): "Face recognition of 12 dairy cows" was certain where
        # "... of two cows" and "... of dairy cows" were doubts (issue 18, thirty-fourth part). A
        # count is read through, as "two" is.
        (
            "Face identification of 77 cows",
            "Face identification of 77 cows",
            "77",
            "cows",
            "face identification of cow",
        ),
        (
            "Face recognition of 268 beef cattle",
            "Face recognition of 268 beef cattle",
            "268 beef",
            "cattle",
            "face recognition of cattle",
        ),
        (
            "Face recognition of the 1,200 dairy cows",
            "Face recognition of the 1,200 dairy cows",
            "the 1,200 dairy",
            "cows",
            "face recognition of cow",
        ),
        # A word whose digits its letters follow describes the animal as "dairy" does: "3D" and
        # "2-year-old" ended the words read, a certain match, where "... of dairy cattle models"
        # was a doubt and "... of cattle models" excluded (a review of the count's reading).
        (
            "Face recognition of 3D cattle models",
            "Face recognition of 3D cattle",
            "3D",
            "cattle",
            "face recognition of cattle",
        ),
        (
            "Face recognition of 2-year-old dairy cows",
            "Face recognition of 2-year-old dairy cows",
            "2-year-old dairy",
            "cows",
            "face recognition of cow",
        ),
        # Three words describing the animal (issue 18, thirty-fifth part): certain, where two were a
        # doubt; the breed and its country as dairy science writes them ("Holstein cow face image
        # dataset", https://discovery.researcher.life/article/cattle-face-recognition-based-on-a-two-branch-convolutional-neural-network/6f50252b893a379491ed0520233672ca).
        (
            "Face recognition of Chinese Holstein dairy cows",
            "Face recognition of Chinese Holstein dairy cows",
            "Chinese Holstein dairy",
            "cows",
            "face recognition of cow",
        ),
        # A primate named by its kind (issue 18, thirty-seventh part): Witham 2018, J. Neurosci.
        # Methods 300:157, a certain match before, no macaque excluded
        # (https://awionline.org/lab-animal-search/witham-c-l-2018-automated-face-recognition-rhesus-macaques-journal-neuroscience).
        (
            "Automated face recognition of rhesus macaques",
            "face recognition of rhesus macaques",
            "rhesus",
            "macaques",
            "face recognition of macaque",
        ),
        ("Face recognition of 12 people and cows", None, None, None, None),
        ("Face recognition of elderly Chinese dog owners", None, None, None, None),
        ("Face recognition of masked young Chinese children", None, None, None, None),
        ("Face recognition of 40 dog owners", None, None, None, None),
        ("Face recognition of 5-year-old children", None, None, None, None),
        ("Face recognition of 3D faces in crowds", None, None, None, None),
        ("Face recognition of young children and dogs", None, None, None, None),
        ("Face recognition of the DOG dataset", None, None, None, None),
        ("Face recognition of masked people", None, None, None, None),
    ],
)
def test_a_match_said_of_an_excluded_word_described_is_a_doubt(tmp_path, title, said, between, word, excluded):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    if said is None:
        assert (result.verdict, result.uncertain_findings) == ("contradicted", ())
        return
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    phrase = excluded.rsplit(" of ", 1)[0]
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its title says \u201c{said}\u201d, where \u201c{between}\u201d may only say which \u201c{word}\u201d "
            f"\u201c{phrase}\u201d is said of, as in \u201c{excluded}\u201d, a phrase the topic excludes",
        )
    }


# A match said elsewhere of nothing the topic excludes stays certain beside one said of a described
# animal: "face recognition of farm workers" is the topic's, as written. The form this test gave
# before (issue 18, thirty-fifth part), "Unlike human face recognition, it lacks data", names it
# only as the background an animal's is set against, as PetFace's abstract does ("Despite the
# advancements in human face identification", https://arxiv.org/html/2407.13555v1): a doubt now
# (`test_topic_background.py`).
def test_a_match_said_of_nothing_excluded_keeps_a_described_animal_certain(tmp_path):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    title = "Face recognition of dairy cows and face recognition of farm workers"
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: facial-recognition", "id: face"))
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# The shipped synthetic-media topic excludes "text-to-video retrieval" as written, but video
# retrieval papers put a word describing the retrieval between ("the cross-modal video retrieval
# problem ... text-to-video retrieval", arXiv 2211.11351; "text-to-video and video-to-text retrieval
# benchmarks", CLIP2Video, arXiv 2106.11097; zero-shot text-to-video retrieval, arXiv 2312.00414):
# "Text-to-video cross-modal retrieval" was a certain match, the claim contradicted (issue 18,
# thirty-fourth part). A word or two between a match and the last word of an excluded phrase it
# runs on into make it a doubt, as a word describing an animal does; a word of grammar, or one
# naming people or a machine, between leaves it certain. The facial-recognition topic's excluded
# faculties read so too ("face recognition memory deficit").
@pytest.mark.parametrize(
    ("topic", "title", "said", "between", "word", "excluded"),
    [
        (
            "synthetic-media",
            "Improving text-to-video cross-modal retrieval with hubness reduction",
            "text-to-video cross-modal retrieval",
            "cross-modal",
            "retrieval",
            "text-to-video retrieval",
        ),
        (
            "synthetic-media",
            "Text-to-video zero-shot retrieval on MSR-VTT",
            "Text-to-video zero-shot retrieval",
            "zero-shot",
            "retrieval",
            "text-to-video retrieval",
        ),
        (
            "synthetic-media",
            "Text-to-video temporal grounding",
            "Text-to-video temporal grounding",
            "temporal",
            "grounding",
            "text-to-video grounding",
        ),
        (
            "synthetic-media",
            "Text-to-video and video-to-text cross-modal retrieval benchmarks",
            "Text-to-video and video-to-text cross-modal retrieval",
            "cross-modal",
            "retrieval",
            "text-to-video and video-to-text retrieval",
        ),
        (
            "synthetic-media",
            "Text-to-video <i>cross-modal</i> retrieval",
            "Text-to-video <i>cross-modal</i> retrieval",
            "cross-modal",
            "retrieval",
            "text-to-video retrieval",
        ),
        (
            "facial-recognition",
            "Face recognition memory deficit in autism",
            "Face recognition memory deficit",
            "memory",
            "deficit",
            "face recognition deficit",
        ),
        # A word of digits and letters between, as "dairy" of "3D dairy cows": it ended the words
        # read, a certain match (a review of this part's run-on reading).
        (
            "synthetic-media",
            "Text-to-video 3D retrieval",
            "Text-to-video 3D retrieval",
            "3D",
            "retrieval",
            "text-to-video retrieval",
        ),
        ("synthetic-media", "Text-to-video 3D generation", None, None, None, None),
        ("synthetic-media", "Text-to-video generation for retrieval", None, None, None, None),
        ("synthetic-media", "Text-to-video diffusion models", None, None, None, None),
        # Three words between (issue 18, thirty-fifth part): certain, where two were a doubt; the
        # task is retrieval ("Partially Relevant Video Retrieval", arXiv 2208.12510, a text-to-video
        # retrieval setting, https://arxiv.org/html/2208.12510v2).
        (
            "synthetic-media",
            "Text-to-video partially relevant video retrieval",
            "Text-to-video partially relevant video retrieval",
            "partially relevant video",
            "retrieval",
            "text-to-video retrieval",
        ),
        ("synthetic-media", "Text-to-video retrieval. Text-to-video diffusion models", None, None, None, None),
        ("facial-recognition", "Face recognition system ability", None, None, None, None),
        ("facial-recognition", "Face recognition researchers skill", None, None, None, None),
        # A word of machine learning between says whose the faculty is, a model's (issue 18,
        # thirty-fifth part): "Face recognition generalization ability" was a doubt, "generalization"
        # read as standing inside "face recognition ability", a person's; networks have
        # "powerful generalization skills" (DeepVisage's title, https://www.arxiv-vanity.com/papers/1703.08388/).
        ("facial-recognition", "Face recognition generalization ability of deep networks", None, None, None, None),
        ("facial-recognition", "Face recognition generalization skills", None, None, None, None),
        ("facial-recognition", "Face recognition representation ability", None, None, None, None),
        # A word of making between says the match is a generator's, the topic's own (issue 18,
        # thirty-sixth part): "generation improves" was read as standing inside "text-to-video
        # retrieval", a doubt.
        ("synthetic-media", "Text-to-video generation improves retrieval", None, None, None, None),
        ("synthetic-media", "Text-to-video synthesis boosts retrieval", None, None, None, None),
    ],
)
def test_a_match_run_on_into_an_excluded_phrase_with_words_between_is_a_doubt(
    tmp_path, topic, title, said, between, word, excluded
):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / f"claims/topics/{topic}.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace(f"id: {topic}", "id: face"))
    if said is None:
        assert (result.verdict, result.uncertain_findings) == ("contradicted", ())
        return
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    match = "text-to-video" if topic == "synthetic-media" else "face recognition"
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its title says \u201c{said}\u201d, where \u201c{between}\u201d, between \u201c{match}\u201d and "
            f"\u201c{word}\u201d, may stand inside \u201c{excluded}\u201d, a phrase the topic excludes",
        )
    }


# "Talking head" is television's word too, a person filmed speaking to the camera ("Talking heads are
# commonly used in news reporting", https://simplyglobalmedia.com/journalism-glossary/talking-head/;
# "These subjects are known in industry jargon as talking heads",
# http://newsombudsmen.org/columns/on-the-use-of-visuals-during-live-briefings): "Talking-head news
# segments in television broadcasts" was a certain match of the shipped synthetic-media topic,
# `contradicted` (issue 18, thirty-fifth part). Its forms are excluded now; a talking head a
# machine makes is still the topic's, a news anchor's among them.
@pytest.mark.parametrize(
    ("title", "matched"),
    [
        ("Talking-head news segments in television broadcasts", False),
        ("A talking-head interview format for science communication", False),
        ("Talking head news programmes and their audiences", False),
        ("Talking head documentary and the archive", False),
        ("Talking head video generation from one photo", True),
        ("Talking head news anchor generation", True),
        ("Talking-head news segments and talking head synthesis", True),
    ],
)
def test_the_television_sense_of_talking_head_is_excluded(tmp_path, title, matched):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: synthetic-media", "id: face"))
    assert ([f.work.id for f in result.findings], result.uncertain_findings) == (["W1"] if matched else [], ())


# "Quantum computing inspired" names a classical algorithm that borrows the idea of qubits, and the
# shipped topic excludes it; but "inspired by" after it makes quantum computing what something else
# inspired, the topic's own ("Quantum computing inspired by biology", the form a title of quantum
# computing gives its source of ideas): nothing, the claim cleared in silence (issue 18,
# thirty-fifth part). A certain match now; the classical algorithm still excluded.
@pytest.mark.parametrize(
    ("title", "matched"),
    [
        ("Quantum computing inspired by biology", True),
        ("A new paradigm of quantum computing inspired by the adiabatic theorem", True),
        ("Quantum annealing inspired by thermal fluctuations", True),
        ("Quantum computing inspired evolutionary algorithm for knapsack problems", False),
        ("A quantum computing inspired, by design, classical algorithm", False),
        # A plural before "inspired" (issue 18, thirty-seventh part): the topic excluded "qubit
        # inspired" alone, so these were certain, `contradicted`; excluded in the plural too now.
        ("Qubits-inspired evolutionary algorithm for scheduling", False),
        ("Quantum circuits-inspired tensor network classifiers", False),
        ("Quantum algorithms-inspired heuristics for recommendation", False),
        ("Quantum computers inspired by the brain", True),
    ],
)
def test_a_phrase_inspired_by_another_is_not_the_excluded_inspired_one(tmp_path, title, matched):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/quantum-computing.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: quantum-computing", "id: face"))
    assert ([f.work.id for f in result.findings], result.uncertain_findings) == (["W1"] if matched else [], ())


# The television sense excluded beside a word of making is a talking head a machine makes perhaps:
# "Talking head news segment generation", "Generating talking head news segments with diffusion
# models", "Audio-driven talking head interview synthesis" matched nothing, the claim cleared in
# silence where coverage is complete (issue 18, thirty-fifth part). A news anchor's talking head is
# generated ("generate realistic face video of an anchor, who is reading certain news",
# https://arxiv.org/abs/1908.07262), as talking heads are ("speech-driven talking head generation",
# AnyoneNet, https://arxiv.org/abs/2108.04325): uncertain now, said why, on both engines; the
# television sense alone still nothing, and a verb after (a sentence's) makes no doubt.
@pytest.mark.parametrize(
    ("title", "said", "excluded", "word"),
    [
        (
            "Talking head news segment generation",
            "Talking head news segment generation",
            "talking head news segment",
            "generation",
        ),
        (
            "Generating talking head news segments with diffusion models",
            "Generating talking head news segments",
            "talking head news segment",
            "Generating",
        ),
        (
            "Audio-driven talking head interview synthesis",
            "talking head interview synthesis",
            "talking head interview",
            "synthesis",
        ),
        (
            "AI-generated talking-head interviews and trust in science",
            "generated talking-head interviews",
            "talking head interview",
            "generated",
        ),
    ],
)
def test_an_excluded_television_talking_head_a_machine_makes_is_a_doubt(tmp_path, title, said, excluded, word):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: synthetic-media", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its title says \u201c{said}\u201d, where \u201c{excluded}\u201d, a phrase the topic excludes, stands "
            f"beside \u201c{word}\u201d, a word of making: it may name a \u201ctalking head\u201d a machine makes, "
            "the topic's",
        )
    }


@pytest.mark.parametrize(
    "title",
    [
        "Talking-head news segments in television broadcasts",
        "Talking-head interviews generated more trust than voice-over narration",
        "Talking head documentary and the archive",
    ],
)
def test_the_television_talking_head_beside_no_word_of_making_stays_nothing(tmp_path, title):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: synthetic-media", "id: face"))
    assert (result.findings, result.uncertain_findings) == ((), ())


# Television's "talking head" is written in endless ways beside the news the excluded phrases name:
# "Talking heads are commonly used in news reporting" and "Talking heads are used in news reporting to
# provide context" (a journalism glossary, https://simplyglobalmedia.com/journalism-glossary/talking-head/)
# were certain matches of the shipped synthetic-media topic, `contradicted` (issue 18, thirty-sixth
# part). Where every match's sentence goes on to a word an excluded phrase runs on into past it
# ("news" of "talking head news segment", "retrieval" of "text-to-video retrieval") and the work names
# no making: uncertain, said why, on both engines.
@pytest.mark.parametrize(
    ("title", "abstract", "field", "said", "word", "phrase", "excluded"),
    [
        (
            "Talking heads are commonly used in news reporting",
            None,
            "title",
            "Talking heads are commonly used in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "How are talking heads used in news reporting?",
            "Talking heads are used in news reporting to provide context, analysis, and commentary.",
            "title",
            "talking heads used in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "The talking head in news: an editorial perspective",
            None,
            "title",
            "talking head in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "Talking heads and fake news: trust in television",
            None,
            "title",
            "Talking heads and fake news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "Talking heads in news are virtually everywhere",
            "A data-driven content analysis of what editors choose, and viewers forget.",
            "title",
            "Talking heads in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        # "driven" not by a signal a generator takes: journalism's ("market-driven journalism"), as
        # "data-driven" is; certain before, read as "audio-driven" is.
        (
            "Talking heads in market-driven news journalism",
            None,
            "title",
            "Talking heads in market-driven news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "Talking heads in ratings-driven cable news",
            None,
            "title",
            "Talking heads in ratings-driven cable news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        # "Animated" and "rendered" in journalism's senses, no making (issue 18, thirty-seventh
        # part): an animated debate is a lively one, a thing rendered obsolete is made so; certain
        # before, read as "animated talking heads" and "rendered faces" are.
        (
            "Talking heads in news: the cable panel",
            "The panel held an animated debate on trade.",
            "title",
            "Talking heads in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "Talking heads in news: the end of print?",
            "Print journalism was rendered obsolete by television pundits.",
            "title",
            "Talking heads in news",
            "news",
            "talking head",
            "talking head news segment",
        ),
        (
            "Talking heads in documentaries: the interview as evidence",
            None,
            "title",
            "Talking heads in documentaries",
            "documentaries",
            "talking head",
            "talking head documentary",
        ),
        (
            "A text-to-video model for retrieval on MSR-VTT",
            None,
            "title",
            "text-to-video model for retrieval",
            "retrieval",
            "text-to-video",
            "text-to-video retrieval",
        ),
    ],
)
def test_a_match_whose_sentence_goes_on_into_an_excluded_sense_is_a_doubt(
    tmp_path, title, abstract, field, said, word, phrase, excluded
):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()
    extra = {"abstract_inverted_index": _index(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: synthetic-media", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            f"its {field} says \u201c{said}\u201d, where \u201c{word}\u201d, later in its sentence, may give "
            f"\u201c{phrase}\u201d the sense of \u201c{excluded}\u201d, a phrase the topic excludes, and the work "
            "names no making",
        )
    ]


# Not where the work names making anywhere (a talking-head generator's abstract opening on news
# broadcasting, a virtual news anchor), nor a match whose sentence holds no such word.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Talking head videos for news",
            "Talking head videos are widely used in news broadcasting. We propose an audio-driven method.",
        ),
        ("One-shot talking head generation for virtual news anchors", None),
        ("Talking heads for news anchors via diffusion", None),
        ("Deepfake detection in news videos", None),
        ("Talking heads in news: trust in synthesized anchors", None),
        ("Talking head video editing for news", None),
        ("Forged talking heads in news", None),
        ("Virtual talking heads for news", None),
        ("Audio-driven talking heads for news", None),
        ("Talking heads driven by speech for news broadcasting", None),
        ("Talking heads for news driven by the audio track", None),
    ],
)
def test_a_match_beside_news_in_a_work_naming_making_stays_certain(tmp_path, title, abstract):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/synthetic-media.yaml").read_text()
    extra = {"abstract_inverted_index": _index(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: synthetic-media", "id: face"))
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


def _index(text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(text.split()):
        out.setdefault(w, []).append(i)
    return out


# The shipped quantum topic excludes "quantum computing inspired", a classical algorithm borrowing the
# idea of qubits; the same sense said the other way round, "A classical algorithm inspired by quantum
# computing" or "Inspired by quantum annealing, we propose a classical Ising machine" (as
# quantum-inspired work introduces itself: "a classical analogue", Tang, arXiv 1807.04271), was a
# certain match, `contradicted` (issue 18, thirty-sixth part). Where every match is so named: a doubt,
# said why, on both engines; a quantum algorithm named as the work's own keeps it certain, and "by"
# after the phrase ("Quantum annealing inspired by thermal fluctuations") is the topic's own.
@pytest.mark.parametrize(
    ("title", "said", "phrase", "excluded"),
    [
        (
            "A classical algorithm inspired by quantum computing",
            "inspired by quantum computing",
            "quantum computing",
            "quantum computing inspired",
        ),
        (
            "Inspired by quantum annealing, we propose a classical Ising machine",
            "Inspired by quantum annealing",
            "quantum annealing",
            "quantum annealing inspired",
        ),
        (
            "A classical recommendation algorithm inspired by quantum algorithms",
            "inspired by quantum algorithms",
            "quantum algorithm",
            "quantum algorithm inspired",
        ),
    ],
)
def test_a_match_named_as_what_inspired_the_work_is_a_doubt(tmp_path, title, said, phrase, excluded):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/quantum-computing.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: quantum-computing", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            f"its title says \u201c{said}\u201d, where \u201c{phrase}\u201d is named as what inspired the work, the "
            f"sense of \u201c{excluded}\u201d, a phrase the topic excludes, said the other way round, not as what "
            "the work does",
        )
    ]


# The same sense said with "inspired" as a verb, "Quantum annealing inspired a classical Ising
# machine" or "How a superconducting qubit inspired a new generation of sensors", read as the
# excluded "quantum annealing inspired" (a compound adjective, which no determiner follows):
# nothing, the claim cleared in silence (issue 18, thirty-seventh part). A doubt now, said why, on
# both engines; the compound still nothing, "many-objective" after it no verb's object.
@pytest.mark.parametrize(
    ("title", "said", "phrase", "excluded", "verb"),
    [
        (
            "Quantum annealing inspired a classical Ising machine",
            "Quantum annealing",
            "quantum annealing",
            "quantum annealing inspired",
            "Quantum annealing inspired a",
        ),
        (
            "Quantum computing inspired the design of a classical recommendation system",
            "Quantum computing",
            "quantum computing",
            "quantum computing inspired",
            "Quantum computing inspired the",
        ),
        (
            "How a superconducting qubit inspired a new generation of sensors",
            "qubit",
            "qubit",
            "qubit inspired",
            "qubit inspired a",
        ),
        # A line break or a hyphen before "inspired" (review of the thirty-seventh part): the
        # exclusion was undone, the doubt not found past it, so a certain match, `contradicted`.
        (
            "Quantum annealing\ninspired a classical Ising machine",
            "Quantum annealing",
            "quantum annealing",
            "quantum annealing inspired",
            "Quantum annealing\ninspired a",
        ),
        (
            "Quantum computing-inspired the design of classical solvers",
            "Quantum computing",
            "quantum computing",
            "quantum computing inspired",
            "Quantum computing-inspired the",
        ),
        ("Quantum annealing inspired many-objective evolutionary algorithm", None, None, None, None),
        ("A quantum computing inspired the-art-of-search heuristic", None, None, None, None),
        ("Qubit inspired particle swarm optimisation", None, None, None, None),
    ],
)
def test_a_match_said_to_inspire_another_thing_is_a_doubt(tmp_path, title, said, phrase, excluded, verb):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/quantum-computing.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: quantum-computing", "id: face"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == (
        [
            (
                f"its title says \u201c{said}\u201d, where \u201c{phrase}\u201d is named as what inspired another "
                f"thing (\u201c{verb}\u201d), the sense of \u201c{excluded}\u201d, a phrase the topic excludes, said as a "
                "verb, not as what the work does",
            )
        ]
        if said
        else []
    )


@pytest.mark.parametrize(
    "title",
    [
        "Inspired by recent advances in quantum computing, we propose a quantum algorithm for linear systems",
        "Quantum annealing inspired by thermal fluctuations",
        "Qubits inspired by trapped ions",
    ],
)
def test_a_match_inspiring_beside_one_of_the_work_s_own_stays_certain(tmp_path, title):
    from helpers import LAB, authorship, topic_result_of_both_engines, work

    shipped = (Path(__file__).parents[1] / "claims/topics/quantum-computing.yaml").read_text()
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, shipped.replace("id: quantum-computing", "id: face"))
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())
