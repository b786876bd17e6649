"""ament_python package: ``ros2 run affective_agent_ros affect_node`` runs ``affect ros``."""

from setuptools import setup

PACKAGE = "affective_agent_ros"

setup(
    name=PACKAGE,
    version="0.1.0",
    packages=[PACKAGE],
    data_files=[
        ("share/ament_index/resource_index/packages", [f"resource/{PACKAGE}"]),
        (f"share/{PACKAGE}", ["package.xml"]),
    ],
    install_requires=["setuptools"],
    zip_safe=True,
    description="The affective agent as a ROS 2 node (ros4hri topics).",
    license="Apache-2.0",
    entry_points={"console_scripts": [f"affect_node = {PACKAGE}.main:main"]},
)
