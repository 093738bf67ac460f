"""uv.lock is the install: it must say exactly what pyproject.toml asks for, every package
pinned to one version and hash-checked. When this fails, run scripts/lock and commit uv.lock."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lock() -> dict:
    return tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))


def _asked() -> set[tuple[str, str, str]]:
    """(name, specifier, extra) for every requirement pyproject.toml states."""
    project = _pyproject()["project"]
    groups = {"": project["dependencies"], **project.get("optional-dependencies", {})}
    out = set()
    for extra, requirements in groups.items():
        for text in requirements:
            req = Requirement(text)
            out.add((canonicalize_name(req.name), str(req.specifier), extra))
    return out


def _locked_for_project() -> set[tuple[str, str, str]]:
    """What uv recorded of pyproject.toml when it last resolved."""
    (project,) = [p for p in _lock()["package"] if p["name"] == "claimwatch"]
    out = set()
    for req in project["metadata"]["requires-dist"]:
        extra = req.get("marker", "").removeprefix("extra == '").removesuffix("'")
        specifier = str(Requirement(f"x{req.get('specifier', '')}").specifier)
        out.add((canonicalize_name(req["name"]), specifier, extra))
    return out


def test_the_lock_was_made_from_this_pyproject():
    asked, locked = _asked(), _locked_for_project()
    assert asked == locked, (
        f"uv.lock disagrees with pyproject.toml: only in pyproject {sorted(asked - locked)}, "
        f"only in the lock {sorted(locked - asked)}; run scripts/lock"
    )


def test_every_requirement_is_pinned_within_its_range():
    versions: dict[str, list[Version]] = {}
    for package in _lock()["package"]:
        versions.setdefault(canonicalize_name(package["name"]), []).append(Version(package["version"]))
    for name, specifier, _extra in _asked():
        assert name in versions, f"{name} is not in uv.lock; run scripts/lock"
        for version in versions[name]:
            assert Requirement(f"x{specifier}").specifier.contains(version, prereleases=True), (name, version)


def test_every_locked_file_is_hash_checked():
    unchecked = []
    for package in _lock()["package"]:
        if package["name"] == "claimwatch":
            continue
        files = ([package["sdist"]] if "sdist" in package else []) + package.get("wheels", [])
        if not files or not all(f.get("hash", "").startswith("sha256:") for f in files):
            unchecked.append(package["name"])
    assert not unchecked


def test_the_install_scripts_refuse_a_stale_lock():
    # `uv sync --locked` is what makes a stale lock an error rather than a silent re-resolve.
    assert "--locked" in (ROOT / "scripts" / "_venv.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in (ROOT / "scripts" / "_uv.sh").read_text(encoding="utf-8")
