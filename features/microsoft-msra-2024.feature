@microsoft
Feature: Microsoft's January 2024 assurances about Microsoft Research Asia
  In January 2024 Microsoft told The New York Times that Microsoft Research Asia restricts work
  on quantum computing, facial recognition and synthetic media, and blocks working with
  researchers from universities affiliated with China's military. Held here to the works an
  analyst recorded by hand from public pages (evidence/curated/msra-2024.yaml): PersonMAE,
  NaturalSpeech 3, GaussianCube, VASA-1 and Convert and Speak. Curated evidence can contradict
  a claim, never show that nothing contradicts it.

  Background:
    Given the claims in "claims/microsoft-msra-2024.yaml"
    And the evidence in "evidence/curated/msra-2024.yaml"

  Scenario: Synthetic media
    Speech synthesis (NaturalSpeech 3, March 2024), talking faces from one photo and a speech
    clip (VASA-1, April 2024) and accent conversion that keeps the speaker's voice (Convert and
    Speak, August 2024), each with authors who state Microsoft Research Asia.

    When the claim "msra-no-synthetic-media" is evaluated
    Then the verdict is "contradicted"
    And exactly 3 works match
    And the findings include the work titled "NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models"
    And the findings include the work titled "VASA-1: Lifelike Audio-Driven Talking Faces Generated in Real Time"
    And the findings include the work titled "Convert and Speak: Zero-shot Accent Conversion with Minimum Supervision"
    And every finding cites its source

  Scenario: Universities affiliated with China's military
    NaturalSpeech 3 and GaussianCube have coauthors who state the University of Science and
    Technology of China, which is on the US Entity List (date added not confirmed) though not
    one of the Seven Sons.

    When the claim "msra-no-military-university-partners" is evaluated
    Then the verdict is "contradicted"
    And exactly 2 works match
    And the partner institutions include "University of Science and Technology of China"
    And the findings include the work titled "NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models"
    And the findings include the work titled "GaussianCube: A Structured and Explicit Radiance Representation for 3D Generative Modeling"
    And every finding cites its source

  Scenario: The Seven Sons alone
    No recorded work has a coauthor at a Seven Sons university.

    When the claim "msra-no-seven-sons-partners" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches
    And the reason mentions "a selection of works, never complete"

  Scenario: Quantum computing
    When the claim "msra-no-quantum-computing" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches

  Scenario: Facial recognition
    VASA-1 generates faces, which is synthetic media, not recognition; PersonMAE (person
    re-identification) is the nearest recorded work: its sources never call it face
    recognition, and its first version predates the statement.

    When the claim "msra-no-facial-recognition" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches

  Scenario: All of Microsoft's assurances at once
    When all claims are evaluated
    Then the verdicts are:
      | claim                                | verdict               | matched |
      | msra-no-quantum-computing            | insufficient evidence | 0       |
      | msra-no-facial-recognition           | insufficient evidence | 0       |
      | msra-no-synthetic-media              | contradicted          | 3       |
      | msra-no-military-university-partners | contradicted          | 2       |
      | msra-no-seven-sons-partners          | insufficient evidence | 0       |
