# Sourced by scripts/demo, scripts/test and scripts/check: bring .venv to exactly what uv.lock
# says, with the extras named in $1 (space-separated). Fails when uv.lock is out of date with
# pyproject.toml (run scripts/lock).
source "$(dirname "${BASH_SOURCE[0]}")/_uv.sh"
sync_args=(--locked --python "$PY" --quiet)
for extra in ${1:-}; do sync_args+=(--extra "$extra"); done
[ -x "$VENV/bin/python" ] || echo "setting up $VENV from uv.lock (first run only)" >&2
# --inexact: the demo keeps what the tests installed, and the reverse; nothing is re-downloaded.
# --compile-bytecode: every module's bytecode written once, here (12 s on the first run, 0.3 s
# after). uv installs none, and where PYTHONDONTWRITEBYTECODE is set (as on CI and in many
# containers) Python never writes it: every claimwatch process compiled its libraries again,
# 3 to 4 s of its start-up.
"$UV" sync --project "$ROOT" --inexact --compile-bytecode "${sync_args[@]}" >&2
compile_own_modules "$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
