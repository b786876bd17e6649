"""ROS 2 package entry for the affective agent node."""
