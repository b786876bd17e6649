"""agent/ros2_pkg builds with colcon (as on a robot) and its entry point runs `affect ros`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "agent" / "ros2_pkg" / "affective_agent_ros"
COLCON = ROOT / ".venv-ros" / "bin" / "colcon"


@pytest.mark.skipif(
    not COLCON.exists(), reason="colcon not in .venv-ros (scripts/ros-test-venv.sh)"
)
def test_colcon_builds_the_ament_python_package(tmp_path: Path) -> None:
    shutil.copytree(PKG, tmp_path / "src" / PKG.name)
    build = subprocess.run(
        [str(COLCON), "build", "--packages-select", PKG.name], cwd=tmp_path,
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    install = tmp_path / "install" / PKG.name
    assert (install / "share" / PKG.name / "package.xml").exists()
    assert (install / "share" / "ament_index" / "resource_index" / "packages" / PKG.name).exists()
    node = install / "lib" / PKG.name / "affect_node"
    # what `source install/setup.bash` would add: the package's own site-packages
    site = next((install / "lib").glob("python3*/site-packages"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    run = subprocess.run([str(node), "--help"], env=env, capture_output=True, text=True,
                         timeout=120, check=False)  # fmt: skip
    assert run.returncode == 0 and "--persona" in run.stdout, run.stderr[-1000:]
