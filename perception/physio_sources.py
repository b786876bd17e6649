"""Where physiological signals come from: BrainFlow boards, Lab Streaming Layer, files.

Each source yields ``PhysioWindow`` objects over a sliding window. Nothing here writes samples
anywhere: raw biometric streams live in memory for one window and are gone.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from perception.errors import ModelUnavailableError, PerceptionError
from perception.physio import PHYSIO_INSTALL, PhysioWindow

ECG_NAMES = ("ECG", "EKG")
EDA_NAMES = ("EDA", "GSR", "SCL", "SKIN")


def split_channels(data: np.ndarray, names: list[str]) -> dict[str, Any]:
    """Sort rows into EEG / ECG / EDA by channel name (ECG*, EKG* / EDA*, GSR*; else EEG)."""
    eeg_rows, eeg_names, ecg, eda = [], [], None, None
    for row, name in zip(data, names, strict=True):
        upper = name.upper()
        if upper.startswith(ECG_NAMES):
            ecg = row if ecg is None else ecg
        elif upper.startswith(EDA_NAMES):
            eda = row if eda is None else eda
        else:
            eeg_rows.append(row)
            eeg_names.append(name)
    eeg = np.stack(eeg_rows) if eeg_rows else None
    return {"eeg": eeg, "eeg_channels": tuple(eeg_names), "ecg": ecg, "eda": eda}


def slide(window: PhysioWindow, *, window_s: float, step_s: float) -> Iterator[PhysioWindow]:
    """Cut a long recording into windows of ``window_s`` every ``step_s`` seconds."""
    fs = window.sample_rate_hz
    n = max(np.asarray(x).shape[-1] for x in (window.eeg, window.ecg, window.eda) if x is not None)
    size, step = int(window_s * fs), max(1, int(step_s * fs))
    if size > n:
        raise PerceptionError(f"recording is {n / fs:.1f} s; the window needs {window_s} s")
    for start in range(0, n - size + 1, step):
        part = slice(start, start + size)
        yield PhysioWindow(
            sample_rate_hz=fs,
            eeg=None if window.eeg is None else window.eeg[:, part],
            eeg_channels=window.eeg_channels,
            ecg=None if window.ecg is None else window.ecg[part],
            eda=None if window.eda is None else window.eda[part],
            t=(start + size) / fs,
        )


def read_file(path: str | Path, *, sample_rate_hz: float | None = None) -> PhysioWindow:
    """A whole recording: EDF/BDF/FIF via MNE, or CSV with a header of channel names."""
    path = Path(path)
    if not path.is_file():
        raise PerceptionError(f"no such recording: {path}")
    if path.suffix.lower() == ".csv":
        if not sample_rate_hz:
            raise PerceptionError("a CSV recording needs its sample rate: --rate HZ")
        with path.open() as fh:
            names = [c.strip() for c in fh.readline().split(",")]
        data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=np.float64).T
        if names and names[0].lower() in ("time", "timestamp", "t"):
            names, data = names[1:], data[1:]
        return PhysioWindow(sample_rate_hz=sample_rate_hz, **split_channels(data, names))
    try:
        import mne
    except ImportError as exc:
        raise ModelUnavailableError(f"reading {path.suffix} needs mne: {PHYSIO_INSTALL}") from exc
    try:
        raw = mne.io.read_raw(path, preload=True, verbose="error")
    except (ValueError, RuntimeError, OSError) as exc:
        raise PerceptionError(f"cannot read {path.name} as EDF/BDF/FIF: {exc}") from exc
    fields = split_channels(raw.get_data(), list(raw.ch_names))
    return PhysioWindow(sample_rate_hz=float(raw.info["sfreq"]), **fields)


class BrainFlowSource:
    """A BrainFlow board (``synthetic`` runs offline) streaming into a ring buffer."""

    def __init__(self, *, board: str = "synthetic", serial_port: str = "") -> None:
        try:
            from brainflow.board_shim import BoardIds, BoardShim, BrainFlowInputParams
        except ImportError as exc:
            raise ModelUnavailableError(f"BrainFlow is not installed: {PHYSIO_INSTALL}") from exc
        try:
            self.board_id = BoardIds[f"{board.upper()}_BOARD"].value
        except KeyError as exc:
            raise PerceptionError(f"unknown BrainFlow board {board!r}; try 'synthetic'") from exc
        BoardShim.disable_board_logger()
        params = BrainFlowInputParams()
        params.serial_port = serial_port
        self._shim: Any = BoardShim(self.board_id, params)
        self.sample_rate_hz = float(BoardShim.get_sampling_rate(self.board_id))
        descr = BoardShim.get_board_descr(self.board_id)
        self._eeg_rows = list(descr.get("eeg_channels", []))
        self._eeg_names = tuple(str(descr.get("eeg_names", "")).split(",")) or ()
        # Boards that list the same rows as EEG and ECG (the synthetic one does) have no ECG.
        ecg_rows = [r for r in descr.get("ecg_channels", []) if r not in self._eeg_rows]
        self._ecg_row = ecg_rows[0] if ecg_rows else None
        self._eda_row = (descr.get("eda_channels") or [None])[0]

    def __enter__(self) -> BrainFlowSource:
        self._shim.prepare_session()
        self._shim.start_stream()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._shim is not None and self._shim.is_prepared():
            self._shim.stop_stream()
            self._shim.release_session()
        # Dropping the handle now keeps BrainFlow's finaliser from running at interpreter exit,
        # when numpy may already be gone.
        self._shim = None

    def window(self, window_s: float) -> PhysioWindow | None:
        """The latest ``window_s`` seconds, or None until that much has arrived."""
        if self._shim is None:
            raise PerceptionError("the BrainFlow session is closed; use it inside `with`")
        n = int(window_s * self.sample_rate_hz)
        data = self._shim.get_current_board_data(n)
        if data.shape[1] < n:
            return None
        names = self._eeg_names if len(self._eeg_names) == len(self._eeg_rows) else ()
        return PhysioWindow(
            sample_rate_hz=self.sample_rate_hz,
            eeg=data[self._eeg_rows] if self._eeg_rows else None,
            eeg_channels=names,
            ecg=None if self._ecg_row is None else data[self._ecg_row],
            eda=None if self._eda_row is None else data[self._eda_row],
            t=time.monotonic(),
        )


class LSLSource:
    """An LSL stream found by name; channel labels from its metadata decide EEG/ECG/EDA."""

    def __init__(self, *, name: str, timeout_s: float = 5.0, window_s: float = 4.0) -> None:
        try:
            import pylsl
        except ImportError as exc:
            raise ModelUnavailableError(f"pylsl is not installed: {PHYSIO_INSTALL}") from exc
        found = pylsl.resolve_byprop("name", name, 1, timeout_s)
        if not found:
            raise PerceptionError(
                f"no LSL stream named {name!r} within {timeout_s:g} s; start the outlet first"
            )
        self._inlet = pylsl.StreamInlet(found[0], max_buflen=int(window_s) + 2)
        info = self._inlet.info()
        self.sample_rate_hz = float(info.nominal_srate())
        if self.sample_rate_hz <= 0:
            raise PerceptionError(f"LSL stream {name!r} has an irregular rate; need a fixed one")
        self.names = _lsl_labels(info) or [f"ch{i}" for i in range(info.channel_count())]
        if info.type().upper() in ECG_NAMES + EDA_NAMES and info.channel_count() == 1:
            self.names = [info.type()]
        self._size = int(window_s * self.sample_rate_hz)
        self._buffer = np.empty((len(self.names), 0))

    def window(self) -> PhysioWindow | None:
        """Pull what has arrived; the latest window once it is full, else None."""
        chunk, _ = self._inlet.pull_chunk(timeout=0.0, max_samples=self._size)
        if chunk:
            new = np.asarray(chunk, dtype=np.float64).T
            self._buffer = np.concatenate([self._buffer, new], axis=1)[:, -self._size :]
        if self._buffer.shape[1] < self._size:
            return None
        fields = split_channels(self._buffer, self.names)
        return PhysioWindow(sample_rate_hz=self.sample_rate_hz, t=time.monotonic(), **fields)

    def close(self) -> None:
        self._inlet.close_stream()


def _lsl_labels(info: Any) -> list[str]:
    labels, channel = [], info.desc().child("channels").child("channel")
    while not channel.empty():
        labels.append(channel.child_value("label"))
        channel = channel.next_sibling()
    return labels if len(labels) == info.channel_count() and all(labels) else []
