@synthetic
Feature: A made-up lab's assurances, held to a snapshot that covers it completely
  Kestrel Research Lab and its works are invented (features/data/): seven records shaped like
  OpenAlex works, imported as a snapshot that declares it holds every work of the lab
  (I9990000001) published in 2024, and three OpenAlex author records for a claim about people.
  Complete coverage is what lets a claim be "not contradicted"; outside the period it covers,
  finding nothing shows nothing.

  Background:
    Given the claims in "features/data/synthetic-claims.yaml"
    And the lists in "features/data/lists"
    And the works in "features/data/synthetic-works.jsonl" imported as a snapshot covering "I9990000001" from "2024-01-01" to "2024-12-31"
    And the evidence in "features/data/synthetic-authors.jsonl"

  Scenario Outline: Every verdict: <claim>
    When the claim "<claim>" is evaluated
    Then the verdict is "<verdict>"
    And exactly <matched> works match
    And every finding cites its source

    Examples:
      | claim                               | verdict               | matched |
      | kestrel-no-drone-swarms             | contradicted          | 2       |
      | kestrel-publishes-climate-modelling | supported             | 2       |
      | kestrel-no-quantum-sensing          | not contradicted      | 0       |
      | kestrel-no-quantum-sensing-2023     | insufficient evidence | 0       |
      | kestrel-no-drone-swarms-since-june  | insufficient evidence | 0       |

  Scenario: Complete coverage makes silence count
    When the claim "kestrel-no-quantum-sensing" is evaluated
    Then the verdict is "not contradicted"
    And the reason mentions "holds every work OpenAlex attributes to Kestrel Research Lab"

  Scenario: A work dated only by its year is uncertain, and does not count
    When the claim "kestrel-no-drone-swarms-since-june" is evaluated
    Then the verdict is "insufficient evidence"
    And no work matches
    And the reason mentions "may fall before 2024-06-01"

  Scenario: Partners on the watchlist, by id and by the affiliation text alone
    When the claim "kestrel-no-watchlist-partners" is evaluated
    Then the verdict is "contradicted"
    And the partner institutions include "Eastport Institute of Technology"
    And the findings include the work with DOI "10.5555/kestrel.2024.0001"
    And the findings include the work with DOI "https://doi.org/10.5555/kestrel.2024.0004"
    And the findings include the work titled "Low-resource machine translation with retrieval-augmented decoding"
    And every finding cites its source

  Scenario: Supported by the lab's own climate papers
    When the claim "kestrel-publishes-climate-modelling" is evaluated
    Then the verdict is "supported"
    And at least 2 works match
    And the findings include the work titled "Seasonal rainfall forecasts from ensembles of climate models"

  Scenario: A claim written in the feature, adding to the claim file
    Works outside the snapshot's period still count against a claim; they only cannot show
    that nothing does.

    Given the claim:
      """
      id: kestrel-no-drone-swarms-2023
      says: Kestrel Research Lab did no work on drone swarms in 2023.
      subject: kestrel
      from: 2023-01-01
      to: 2023-12-31
      expects: none
      works:
        topic: drone-swarms
      """
    When the claim "kestrel-no-drone-swarms-2023" is evaluated
    Then the verdict is "contradicted"
    And the findings include the work titled "Decentralised formation control for drone swarms"

  Scenario: A whole claim file written in the feature
    Given the claim:
      """
      statement:
        speaker: Harbourside University (made up for the example)
        made_on: 2024-01-01
        quote: Harbourside University works on swarm robotics.
        sources:
          - title: claimwatch synthetic example
      subjects:
        harbourside:
          name: Harbourside University
          openalex: [I9990000201]
      topics:
        swarm-robotics:
          name: Swarm robotics
          rationale: Robots acting as a swarm.
          phrases: [swarm robotics]
      claims:
        - id: harbourside-swarm-robotics
          says: Harbourside University published work on swarm robotics in 2024.
          subject: harbourside
          from: 2024-01-01
          to: 2024-12-31
          expects: {at_least: 1}
          works:
            topic: swarm-robotics
      """
    When the claim "harbourside-swarm-robotics" is evaluated
    Then the verdict is "supported"
    And the findings include the work titled "Swarm robotics testbeds for search and rescue"

  Scenario: The whole synthetic case at once
    When all claims are evaluated
    Then the verdicts are:
      | claim                               | verdict               | matched |
      | kestrel-no-drone-swarms             | contradicted          | 2       |
      | kestrel-no-watchlist-partners       | contradicted          | 2       |
      | kestrel-publishes-climate-modelling | supported             | 2       |
      | kestrel-no-quantum-sensing          | not contradicted      | 0       |
      | kestrel-no-quantum-sensing-2023     | insufficient evidence | 0       |
      | kestrel-no-drone-swarms-since-june  | insufficient evidence | 0       |
      | kestrel-no-watchlist-recruits       | contradicted          | 1       |

  Scenario: An open-ended claim, assessed up to a day the snapshot covers
    Given the claim:
      """
      id: kestrel-no-quantum-sensing-from-2024
      says: Kestrel Research Lab does no work on quantum sensing from 2024 on.
      subject: kestrel
      from: 2024-01-01
      expects: none
      works:
        topic: quantum-sensing
      """
    When the claim "kestrel-no-quantum-sensing-from-2024" is evaluated as of "2024-12-31"
    Then the verdict is "not contradicted"
    And the reason mentions "between 2024-01-01 and 2024-12-31"

  Rule: Reviews are applied after matching, and stay in view

    Background:
      Given the reviews in "features/data/synthetic-reviews.yaml"

    Scenario: A finding reviewed as not a match leaves the verdict
      When the claim "kestrel-no-drone-swarms" is evaluated
      Then the verdict is "contradicted"
      And exactly 1 work matches
      And the work "10.5555/kestrel.2024.0001" is set aside on review
      And the work "W9990000001" is reviewed as "not a match"

    Scenario: A finding confirmed on review counts, its doubt resolved
      When the claim "kestrel-no-drone-swarms-since-june" is evaluated
      Then the verdict is "contradicted"
      And the findings include the work titled "Energy-aware task allocation in UAV swarms"
      And the work "W9990000007" is reviewed as "confirmed"

    Scenario: A disputed finding counts only as uncertain; an expired review is not applied
      When the claim "kestrel-no-watchlist-partners" is evaluated
      Then the verdict is "contradicted"
      And exactly 1 work matches
      And the work "W9990000004" is reviewed as "disputed"
      And the review of "W9990000001" is not applied
      And the findings include the work with DOI "10.5555/kestrel.2024.0001"

    Scenario: A review of a work that is no longer a finding is reported, not applied
      When the claim "kestrel-no-quantum-sensing" is evaluated
      Then the verdict is "not contradicted"
      And the review of "W9990000003" is not applied

    Scenario: People are reviewed as works are, by author id or ORCID
      A claim about people counts persons, from their author records. Jun Park moved from the
      listed institute to the lab; Hana Sato was at both in 2024, which shows no move; Ian Bell
      was never at the lab.
      When the claim "kestrel-no-watchlist-recruits" is evaluated
      Then the verdict is "contradicted"
      And exactly 1 person matches
      And the person "Jun Park" is reviewed as "confirmed"
      And the person "A9990000008" is set aside on review
      And the review of the person "A9990000009" is not applied
