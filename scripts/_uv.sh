# Sourced by the scripts: uv, pinned and hash-checked, in .tools/uv ($UV), installed on first use.
# CLAIMWATCH_VENV picks another environment; PYTHON another interpreter (3.11 or newer).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CLAIMWATCH_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
UV_HOME="$ROOT/.tools/uv"
UV="$UV_HOME/bin/uv"

# uv comes from PyPI through pip, hash-checked against requirements/uv.txt; pip is all a
# fresh machine has. Re-installed when that file changes (scripts/lock moves uv forward).
ensure_uv() {
  local want stamp="$UV_HOME/.requirements-sha256"
  want="$(sha256sum "$ROOT/requirements/uv.txt" | cut -d' ' -f1)"
  if [ ! -x "$UV" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "installing uv into .tools/uv (first run only)" >&2
    rm -rf "$UV_HOME"
    "$PY" -m venv "$UV_HOME"
    # The hashes name the files exactly, so the machine's own pip indexes are not consulted.
    PIP_CONFIG_FILE=/dev/null "$UV_HOME/bin/python" -m pip install --quiet --disable-pip-version-check \
      --require-hashes -r "$ROOT/requirements/uv.txt" >&2
    echo "$want" > "$stamp"
  fi
}

# claimwatch's own modules compiled to bytecode in the environment whose python is $1: an
# editable install is not in site-packages, which is all uv's --compile-bytecode compiles. Quiet,
# and never failing: a syntax error is Python's to report, at import.
compile_own_modules() {
  "$1" -m compileall -qq "$ROOT/src/claimwatch" >/dev/null 2>&1 || true
}

# Never download a Python: the machine's own interpreter is the one the project runs on.
export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="$VENV" UV_NO_PROGRESS=1
ensure_uv
cd "$ROOT"
