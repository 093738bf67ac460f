"""Gherkin features for claimwatch: claims held to the evidence in a CI run.

An analyst writes only `.feature` files (see docs/authoring.md); `pytest features/` runs them.

    plugin       the pytest entry point; loads the rest when pytest-bdd is installed
    collect      `.feature` files collected as tests; failures shown as the analyst's message
    steps        the step library (Given claims and evidence, When evaluated, Then checks)
    case         what a scenario's steps build up, and the evaluation, cached per session
    failures     the exceptions and the text that explains a failed expectation
    reference    the step list as Markdown, for docs/authoring.md
"""
