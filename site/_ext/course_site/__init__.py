"""Sphinx extension for the course website (Jupyter Book 1: Sphinx + MyST-NB, nothing executed).

Loaded by ``site/_config.yml`` (``sphinx.local_extensions``). It

* shows each lesson as :func:`course_site.notebooks.prepare_notebook` prepares it
  (Sphinx's ``source-read`` event: the stored notebook is read, never changed or run);
* serves the chart and maths libraries bundled from npm (:mod:`course_site.vendor`) and the
  course's own ``site/_static`` (``course-vega.js``, ``course.css``), and points MathJax at
  the bundled copy, so no page loads anything from a CDN;
* gives Markdown pages the substitutions ``{{ binder_badge }}`` and ``{{ binder_link }}``
  (the whole course on Binder, opening lesson 00), made from ``repository.url``.

If the bundle is missing (``scripts/build_site.py`` fetches it) the build warns and the
charts stay as their static SVG copies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import vendor
from .links import Repository, binder_url
from .notebooks import badge_html, prepare_notebook

STATIC_DIR = vendor.SITE / "_static"
FIRST_LESSON = "notebooks/00_the_puzzle_and_the_region.ipynb"


def repository_of(config: Any) -> Repository | None:
    """The repository the theme's options name (``repository.url`` in ``_config.yml``)."""
    options = config.html_theme_options or {}
    url = options.get("repository_url")
    return Repository(url=url.rstrip("/"), branch=options.get("repository_branch") or "main") if url else None


def binderhub_of(config: Any) -> str | None:
    """``launch_buttons.binderhub_url`` from ``_config.yml``, or None when Binder links are off."""
    return ((config.html_theme_options or {}).get("launch_buttons") or {}).get("binderhub_url") or None


def _on_config_inited(app: Any, config: Any) -> None:
    from sphinx.util import logging

    log = logging.getLogger(__name__)
    # pydata-sphinx-theme 0.17 fills navbar_persistent in the user's options, which brings
    # back a top bar with a second search field that sphinx-book-theme means to leave out.
    config.html_theme_options = {"navbar_persistent": [], **(config.html_theme_options or {})}
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    config.mathjax_path = vendor.MATHJAX_PATH
    missing = [p.spec for p in vendor.PACKAGES if not vendor.is_unpacked(p)]
    if missing:
        log.warning("bundled browser libraries missing (%s): run `python scripts/build_site.py`; "
                    "charts stay static and formulas raw", ", ".join(missing))
    else:
        config.html_static_path.append(str(vendor.VENDOR_DIR))
        for script in vendor.CHART_SCRIPTS:
            app.add_js_file(script)
    app.add_js_file("course-vega.js")
    app.add_css_file("course.css")
    repo, hub = repository_of(config), binderhub_of(config)
    if repo and hub:
        url = binder_url(repo, FIRST_LESSON, hub)
        config.myst_substitutions = {**(config.myst_substitutions or {}),
                                     "binder_badge": badge_html(url),
                                     "binder_link": f"[launch the course on Binder]({url})"}


def outside_link(app: Any, page: Path, repo: Repository | None) -> Callable[[str], str | None]:
    """For a page's relative links: a file of the repository that is not a page of the site
    is linked on the repository's host (``{url}/blob/{branch}/{path}``); others are kept."""
    srcdir = Path(app.srcdir).resolve()

    def link_for(target: str) -> str | None:
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve()
        if repo is None or not file.is_file() or not file.is_relative_to(srcdir):
            return None
        relative = file.relative_to(srcdir)
        if relative.with_suffix("").as_posix() in app.env.found_docs:
            return None
        return f"{repo.url}/blob/{repo.branch}/{relative.as_posix()}" + (f"#{anchor}" if anchor else "")

    return link_for


def _on_source_read(app: Any, docname: str, source: list[str]) -> None:
    import nbformat

    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    repo, hub = repository_of(app.config), binderhub_of(app.config)
    relative = path.relative_to(app.srcdir).as_posix()
    launch = binder_url(repo, relative, hub) if repo and hub else None
    notebook = nbformat.reads(source[0], as_version=4)
    prepared = prepare_notebook(notebook, launch, outside_link(app, path, repo))
    source[0] = nbformat.writes(nbformat.from_dict(prepared))


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _on_config_inited)
    app.connect("source-read", _on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}


__all__ = ["binderhub_of", "repository_of", "setup"]
