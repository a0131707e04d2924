# nbgrader settings every single-user server of the class hub reads (students and instructors):
# deploy/jupyterhub_config.py puts this folder on JUPYTER_CONFIG_PATH and sets the variables.
# On a server you manage by hand, /etc/jupyter/nbgrader_config.py with the same lines does the same.
import os

c = get_config()  # noqa: F821 (nbgrader defines get_config)

# The exchange: one folder shared by everybody (mode 1777, like /tmp). Students' submissions are
# written there under their Unix user (LocalProcessSpawner) or their hub name.
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")
c.CourseDirectory.course_id = os.environ.get("NBGRADER_COURSE_ID", "caucasus")
# Only instructors get NBGRADER_COURSE_ROOT (their course directory, with grading/nbgrader_config.py
# copied into it), so formgrader knows where source/, release/ and gradebook.db are.
if os.environ.get("NBGRADER_COURSE_ROOT"):
    c.CourseDirectory.root = os.environ["NBGRADER_COURSE_ROOT"]
# Test mode only (deploy/jupyterhub_config.py, COURSE_HUB_TEST=1): all servers share one Unix user.
if os.environ.get("NBGRADER_STUDENT_ID"):
    c.CourseDirectory.student_id = os.environ["NBGRADER_STUDENT_ID"]
