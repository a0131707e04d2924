"""Build the course website from the lessons' stored outputs (nothing is executed).

    python scripts/build_site.py                 # writes site/_build/html/
    python scripts/build_site.py --output DIR    # writes DIR/_build/html/ (the tests use this)
    python scripts/build_site.py --bundle-only   # only fetch and unpack the browser libraries

First the browser libraries the pages need (vega, vega-lite, vega-embed, MathJax; pinned in
``site/_ext/course_site/vendor.py``) are fetched from the npm registry with ``npm pack`` into
``site/_cache/npm/`` if absent, checked against their pinned sha512 integrity and unpacked
into ``site/_vendor/``. Then Jupyter Book 1 builds the site with ``site/_config.yml`` and
``site/_toc.yml``, the repository as the book's root. Open ``_build/html/index.html``, or
serve the folder (``python -m http.server -d site/_build/html``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
sys.path.insert(0, str(SITE / "_ext"))

from course_site import vendor  # noqa: E402  (site/_ext is not an installed package)

NPM_TIMEOUT = 300
BUILD_TIMEOUT = 600


def fetch(package: vendor.NpmPackage, cache_dir: Path = vendor.CACHE_DIR) -> Path:
    """The package's tarball in ``cache_dir``, fetched with ``npm pack`` if absent and checked
    against its pinned integrity (a mismatching file is deleted)."""
    tarball = cache_dir / package.tarball
    if not tarball.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is not installed (apt-get install npm); it fetches the site's chart libraries")
        cache_dir.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "pack", package.spec, "--pack-destination", str(cache_dir), "--silent"],
                                capture_output=True, text=True, timeout=NPM_TIMEOUT)
        if result.returncode != 0 or not tarball.is_file():
            raise SystemExit(f"npm pack {package.spec} failed:\n{result.stderr.strip()}")
    found = vendor.integrity_of(tarball)
    if found != package.integrity:
        tarball.unlink()
        raise SystemExit(f"{tarball.name}: sha512 integrity {found} is not the pinned {package.integrity} "
                         "(deleted; run again to fetch it anew)")
    return tarball


def bundle(vendor_dir: Path = vendor.VENDOR_DIR, cache_dir: Path = vendor.CACHE_DIR) -> list[str]:
    """Unpack every pinned package not yet unpacked; returns the ones it unpacked."""
    done = []
    for package in vendor.PACKAGES:
        if not vendor.is_unpacked(package, vendor_dir):
            vendor.unpack(package, fetch(package, cache_dir), vendor_dir)
            done.append(package.spec)
    return done


def jupyter_book() -> str:
    """The ``jupyter-book`` command of this Python environment."""
    beside = Path(sys.executable).with_name("jupyter-book")
    found = str(beside) if beside.exists() else shutil.which("jupyter-book")
    if found is None:
        raise SystemExit("jupyter-book is not installed: pip install -r requirements-test.txt")
    return found


def build(output: Path) -> tuple[Path, list[str]]:
    """Build the site into ``output/_build/html``; returns that folder and the build's warnings."""
    cmd = [jupyter_book(), "build", str(ROOT), "--config", str(SITE / "_config.yml"),
           "--toc", str(SITE / "_toc.yml"), "--path-output", str(output)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise SystemExit(f"jupyter-book build failed ({result.returncode}):\n{log[-4000:]}")
    warnings = [line for line in log.splitlines() if "WARNING:" in line]
    return output / "_build" / "html", warnings


def folder_size(path: Path) -> int:
    """Bytes in every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=SITE, help="folder for _build/ (default: site/)")
    parser.add_argument("--bundle-only", action="store_true", help="only fetch and unpack the npm packages")
    args = parser.parse_args()
    start = time.perf_counter()
    for spec in bundle():
        print(f"bundled {spec} from the npm registry into {vendor.VENDOR_DIR.relative_to(ROOT)}/")
    if args.bundle_only:
        return 0
    html, warnings = build(args.output.resolve())
    for line in warnings:
        print(line)
    print(f"built {html} in {time.perf_counter() - start:.1f} s: {folder_size(html) / 1e6:.1f} MB, "
          f"{len(warnings)} warnings")
    print(f"open {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
