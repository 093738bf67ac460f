@microsoft
Feature: Microsoft's January 2024 assurances about Microsoft Research Asia
  In January 2024 Microsoft told The New York Times that Microsoft Research Asia restricts work
  on quantum computing, facial recognition and synthetic media, and blocks working with
  researchers from universities affiliated with China's military. Held here to the two papers
  an analyst recorded by hand (evidence/curated/msra-2024.yaml). Curated evidence can
  contradict a claim, never show that nothing contradicts it.

  Background:
    Given the claims in "claims/microsoft-msra-2024.yaml"
    And the evidence in "evidence/curated/msra-2024.yaml"

  Scenario: Synthetic media
    When the claim "msra-no-synthetic-media" is evaluated
    Then the verdict is "contradicted"
    And exactly 1 work matches
    And the findings include the work titled "NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models"
    And every finding cites its source

  Scenario: Universities affiliated with China's military
    When the claim "msra-no-military-university-partners" is evaluated
    Then the verdict is "contradicted"
    And the partner institutions include "University of Science and Technology of China"
    And the findings include the work titled "NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models"
    And every finding cites its source

  Scenario: The Seven Sons alone
    When the claim "msra-no-seven-sons-partners" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches
    And the reason mentions "a selection of works, never complete"

  Scenario: Quantum computing
    When the claim "msra-no-quantum-computing" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches

  Scenario: Facial recognition
    PersonMAE (person re-identification) is the nearest recorded work: its sources never call
    it face recognition, and its first version predates the statement.

    When the claim "msra-no-facial-recognition" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches

  Scenario: All of Microsoft's assurances at once
    When all claims are evaluated
    Then the verdicts are:
      | claim                                | verdict               | matched |
      | msra-no-quantum-computing            | insufficient evidence | 0       |
      | msra-no-facial-recognition           | insufficient evidence | 0       |
      | msra-no-synthetic-media              | contradicted          | 1       |
      | msra-no-military-university-partners | contradicted          | 1       |
      | msra-no-seven-sons-partners          | insufficient evidence | 0       |
