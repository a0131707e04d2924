"""The browser libraries the site bundles from the npm registry, pinned by version and integrity.

Nothing on the site loads from a CDN: ``scripts/build_site.py`` runs ``npm pack`` for each
package below (into ``site/_cache/npm/``), checks the tarball's sha512 against the integrity
the registry published (``npm view NAME@VERSION dist.integrity``), and unpacks only the files
named here into ``site/_vendor/``, which the Sphinx extension adds to the site's ``_static``.

This module imports nothing beyond the standard library, so the build script can use it
before Sphinx is imported.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

SITE = Path(__file__).resolve().parents[2]
#: Unpacked files, served as ``_static/<package>/...``; not committed (site/.gitignore).
VENDOR_DIR = SITE / "_vendor"
#: The tarballs ``npm pack`` downloads; not committed.
CACHE_DIR = SITE / "_cache" / "npm"
#: Written beside a package's unpacked files once they match their tarball.
STAMP = ".integrity"


@dataclass(frozen=True)
class NpmPackage:
    """One npm package and the files of it the site serves.

    ``files`` maps a path (or a folder, ending in ``/``) inside the tarball to where it goes
    under ``VENDOR_DIR / name``; each package's licence file goes with it (BSD-3-Clause for
    the vega packages, Apache-2.0 for MathJax).
    """

    name: str
    version: str
    integrity: str
    files: tuple[tuple[str, str], ...]

    @property
    def spec(self) -> str:
        """``name@version``, as npm takes it."""
        return f"{self.name}@{self.version}"

    @property
    def tarball(self) -> str:
        """The file name ``npm pack`` writes."""
        return f"{self.name}-{self.version}.tgz"


PACKAGES: tuple[NpmPackage, ...] = (
    NpmPackage("vega", "5.33.1",
               "sha512-1fArfVDUqVbb5z8n+/nVQb+VNBzx8svY6CrsyTK4Ujm4yrd9I1auoKxBAPXLCavY1LcrbHUskQbGUP8gXOzyQw==",
               # this tarball has no LICENSE file; its package.json names the licence
               (("package/build/vega.min.js", "vega.min.js"), ("package/package.json", "package.json"))),
    NpmPackage("vega-lite", "5.20.1",
               "sha512-rpw6aT3NXR4bIdctPpK/V+FZAt1VNHMEnfF/TxaZDc4PDOzfYXiYOFf0zOMURUq/EyzFCkhBvtkf1MzmqlAz9g==",
               (("package/build/vega-lite.min.js", "vega-lite.min.js"), ("package/LICENSE", "LICENSE"))),
    NpmPackage("vega-embed", "6.29.0",
               "sha512-PmlshTLtLFLgWtF/b23T1OwX53AugJ9RZ3qPE2c01VFAbgt3/GSNI/etzA/GzdrkceXFma+FDHNXUppKuM0U6Q==",
               (("package/build/vega-embed.min.js", "vega-embed.min.js"), ("package/LICENSE", "LICENSE"))),
    # MathJax 3's combined TeX+MathML → CommonHTML component, its web fonts and the TeX
    # extensions it may autoload: about 2 MB of the package's 24 MB es5 folder.
    NpmPackage("mathjax", "3.2.2",
               "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
               (("package/es5/tex-mml-chtml.js", "tex-mml-chtml.js"),
                ("package/es5/output/chtml/fonts/woff-v2/", "output/chtml/fonts/woff-v2/"),
                ("package/es5/input/tex/extensions/", "input/tex/extensions/"),
                ("package/LICENSE", "LICENSE"))),
)

#: The chart libraries in the order a page loads them (``_static``-relative).
CHART_SCRIPTS: tuple[str, ...] = ("vega/vega.min.js", "vega-lite/vega-lite.min.js", "vega-embed/vega-embed.min.js")
#: Sphinx's ``mathjax_path`` (``_static``-relative).
MATHJAX_PATH = "mathjax/tex-mml-chtml.js"


def integrity_of(path: Path) -> str:
    """The npm ``dist.integrity`` string (``sha512-<base64>``) of a file."""
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def is_unpacked(package: NpmPackage, vendor_dir: Path = VENDOR_DIR) -> bool:
    """Whether ``package``'s files are in ``vendor_dir``, unpacked from the pinned tarball."""
    stamp = vendor_dir / package.name / STAMP
    return stamp.is_file() and stamp.read_text().strip() == package.integrity


def members_to_unpack(package: NpmPackage, names: list[str]) -> list[tuple[str, str]]:
    """Which tarball members (of ``names``) go where, by ``package.files``.

    Raises ``ValueError`` naming a file or folder the tarball lacks, so a changed package
    layout is caught at the build, not as a blank chart in a reader's browser.
    """
    chosen: list[tuple[str, str]] = []
    for source, target in package.files:
        if source.endswith("/"):
            found = [(n, target + n[len(source):]) for n in names if n.startswith(source) and not n.endswith("/")]
        else:
            found = [(source, target)] if source in names else []
        if not found:
            raise ValueError(f"{package.tarball} has no {source!r}")
        chosen.extend(found)
    return chosen


def unpack(package: NpmPackage, tarball: Path, vendor_dir: Path = VENDOR_DIR) -> Path:
    """Unpack ``package.files`` from ``tarball`` into ``vendor_dir / package.name``.

    The files are written to a sibling folder first and moved into place whole, so two
    builds at once never see half a package.
    """
    target = vendor_dir / package.name
    staging = vendor_dir / f".{package.name}.{tarball.stat().st_mtime_ns}.partial"
    with tarfile.open(tarball, "r:gz") as archive:
        names = archive.getnames()
        for member, dest in members_to_unpack(package, names):
            source = archive.extractfile(member)
            if source is None:  # a link or folder where a file was expected
                raise ValueError(f"{package.tarball}: {member!r} is not a regular file")
            out = staging / dest
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(source.read())
    (staging / STAMP).write_text(package.integrity + "\n")
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target
