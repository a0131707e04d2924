"""Build the chart widget's JavaScript: js/chartview -> alliances/widgets/static/chartview.js.

    python scripts/build_chartview.py            # npm ci (exact versions of package-lock.json), then esbuild
    python scripts/build_chartview.py --check    # build into a temporary file; fail if it differs from the committed one

vega, vega-lite and vega-embed (BSD-3-Clause) come from the npm registry at the versions pinned
in ``js/chartview/package.json`` and locked in ``package-lock.json``; esbuild bundles them with
``js/chartview/src/chartview.js`` into one minified ES module, which the package ships (see
:mod:`alliances.widgets.chartview`). Needs Node.js and npm; the built file is committed, so a
student never needs either.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js" / "chartview"
OUT = ROOT / "alliances" / "widgets" / "static" / "chartview.js"
ESBUILD = ["--bundle", "--format=esm", "--minify", "--legal-comments=eof", "--target=es2020"]


def build(out: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm not found: install Node.js (apt-get install nodejs npm)")
    if not (JS / "node_modules").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, check=True)
    esbuild = JS / "node_modules" / ".bin" / "esbuild"
    subprocess.run([str(esbuild), "src/chartview.js", *ESBUILD, f"--outfile={out}"], cwd=JS, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if a fresh build differs from the committed file")
    args = parser.parse_args()
    if not args.check:
        build(OUT)
        print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1024:.0f} KiB")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "chartview.js"
        build(fresh)
        same = filecmp.cmp(fresh, OUT, shallow=False)
    print("the committed bundle is up to date" if same else f"{OUT.relative_to(ROOT)} differs from a fresh build")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
