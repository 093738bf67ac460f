@microsoft @watchdog
Feature: The watchdogs' June 2025 assertions about Microsoft Research Asia
  Breitbart News reported that since March 2024 MSRA researchers published ten papers on facial
  recognition or synthetic media with coauthors at sanctioned or military-linked Chinese
  institutions, nine of them with Beihang, Harbin Institute of Technology or USTC. The article
  did not publish its list, so claimwatch holds the watchdogs to the record the same way. Of
  the curated works, one fits: NaturalSpeech 3 (speech synthesis, USTC coauthors). VASA-1 and
  Convert and Speak are synthetic media but their recorded authors state no listed
  institution; GaussianCube has USTC coauthors but is not on either topic. A selection of
  works can neither confirm nor refute a count.

  Background:
    Given the claims in "claims/watchdog-2025-msra.yaml"
    And the evidence in "evidence/curated/msra-2024.yaml"

  Scenario: Ten papers with sanctioned or military-linked coauthors
    When the claim "watchdog-ten-papers" is evaluated
    Then the verdict is "insufficient evidence"
    And exactly 1 work matches
    And the findings include the work titled "NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models"
    And the reason mentions "1 work of the 10 the claim says were found"
    And every finding cites its source

  Scenario: Nine with Beihang, Harbin Institute of Technology or USTC
    When the claim "watchdog-nine-with-beihang-hit-ustc" is evaluated
    Then the verdict is "insufficient evidence"
    And exactly 1 work matches
    And the partner institutions include "University of Science and Technology of China"
    And every finding cites its source

  Scenario: No recruits from the Seven Sons since 2022
    The watchdogs said MSRA discontinued recruitment from the Seven Sons universities in 2022.
    A claim about people is judged on author records (publication years, not hiring dates);
    the curated evidence records works only, so no one can be checked.
    When the claim "msra-no-seven-sons-recruits" is evaluated
    Then the verdict is "insufficient evidence"
    And the reason mentions "holds no author records"
