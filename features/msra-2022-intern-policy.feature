@microsoft
Feature: The reported 2022 intern policy of Microsoft Research Asia
  A student forum post of April 2022, reported by QbitAI and not confirmed by MSRA, said MSRA
  would no longer take current students of the Seven Sons universities as interns. An intern
  shows up in the record as one author holding both an MSRA and a listed affiliation on the
  same work. NaturalSpeech 3's first author states MSRA and USTC; USTC is not one of the Seven
  Sons, so that work does not count against this claim.

  Scenario: No Seven Sons interns since April 2022
    Given the claims in "claims/msra-2022-intern-policy.yaml"
    And the evidence in "evidence/curated/msra-2024.yaml"
    When the claim "msra-no-seven-sons-interns" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches
    And the reason mentions "never complete"
