"""Generate the student exercise notebooks from the instructor sources with nbgrader.

    python scripts/make_student_notebooks.py            # writes exercises/*.ipynb
    python scripts/make_student_notebooks.py --out DIR  # somewhere else (the tests use this)

The sources in exercises/instructor/ carry nbgrader cell metadata: solution regions
(### BEGIN SOLUTION / ### END SOLUTION) and locked autograder test cells with hidden tests
(### BEGIN HIDDEN TESTS / ### END HIDDEN TESTS). This runs `nbgrader generate_assignment` on a
temporary course directory (no gradebook database) with the course's grading/nbgrader_config.py,
which replaces each solution with a `# YOUR CODE HERE` comment (the answer stays `None`) and
removes the hidden tests, then copies the released notebooks to exercises/. Never edit the
student notebooks by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "exercises" / "instructor"
CONFIG = ROOT / "grading" / "nbgrader_config.py"
ASSIGNMENT = "exercises"


def generate(out: Path) -> list[Path]:
    sources = sorted(SOURCE.glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        (course / "source" / ASSIGNMENT).mkdir(parents=True)
        shutil.copy(CONFIG, course / "nbgrader_config.py")
        for path in sources:
            shutil.copy(path, course / "source" / ASSIGNMENT / path.name)
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        result = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--no-db", "--force",
             f"--CourseDirectory.root={course}", "--log-level=WARN"],
            capture_output=True, text=True, env=env, cwd=course)
        if result.returncode != 0:
            raise SystemExit(f"nbgrader failed:\n{result.stdout}\n{result.stderr}")
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for path in sources:
            target = out / path.name
            shutil.copy(course / "release" / ASSIGNMENT / path.name, target)
            written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "exercises")
    args = parser.parse_args()
    for path in generate(args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
