Feature: Example Lab's statement, held to the evidence recorded by hand
  Run with pytest (claimwatch installs its plugin). Paths are relative to this case's root.

  Background:
    Given the claims in "claims/EXAMPLE.yaml"
    And the evidence in "evidence/curated/example.yaml"

  Scenario: A coauthored drone-swarm paper contradicts the statement
    When the claim "example-lab-no-military-drone-swarms" is evaluated
    Then the verdict is "contradicted"
    And exactly 1 work matches
    And the partner institutions include "Eastport Institute of Technology"
