"""The one place the version is written; pyproject.toml must agree (a test checks)."""

__version__ = "0.1.0"
