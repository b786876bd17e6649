"""The onnxruntime graph cache keeps the most recently used graphs and nothing else."""

from __future__ import annotations

import os

from perception.onnx_encoder import _evict


def test_eviction_keeps_the_most_recently_used_graphs(tmp_path) -> None:
    for age, name in enumerate(["newest", "middle", "oldest"]):
        graph = tmp_path / f"{name}.onnx"
        graph.write_bytes(b"x")
        os.utime(graph, (1e9 - age, 1e9 - age))
    (tmp_path / "notes.txt").write_text("not a graph")
    _evict(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["middle.onnx", "newest.onnx",
                                                          "notes.txt"]
