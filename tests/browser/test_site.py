"""The course website, as a reader gets it: built from the stored outputs, served from
127.0.0.1, every lesson opened in headless Chromium with every request off the machine
blocked and recorded.

Each lesson must draw every Vega-Lite chart its stored notebook holds (live, with the bundled
vega-embed: the static copies are gone), show a note in place of every widget, typeset its
formulas with the bundled MathJax, hide nbval's markers and the import cell, and launch on
Binder at the link ``repository.url`` gives. Screenshots go to the site's tmp folder.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "site" / "_ext"))

from course_site.links import binder_url, read_repository  # noqa: E402
from course_site.notebooks import chart_count, widget_count  # noqa: E402

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
BUILD_TIMEOUT = 300
DRAW_TIMEOUT = 20_000
# Attributes that make a browser fetch something when the page loads (links a reader clicks don't).
FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
            ("audio", "src"), ("embed", "src"), ("object", "data")}
FETCHING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "prefetch", "manifest"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


class _FetchedURLs(HTMLParser):
    """Every URL a page fetches by itself: script/img/iframe sources and stylesheet-like links."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and (tag, name) in FETCHING:
                self.urls.append(value)
        rels = set((values.get("rel") or "").split())
        if tag == "link" and rels & FETCHING_LINK_RELS and values.get("href"):
            self.urls.append(values["href"] or "")


@pytest.fixture
def jupyterlab():
    """The site is static: the shared ``page`` fixture needs no JupyterLab server here."""
    return None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site, built by ``scripts/build_site.py`` into a tmp folder; its html folder and log."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--output", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(result.stdout.strip().splitlines()[-2])  # "built … in N s: M MB, K warnings"
    return out / "_build" / "html", result.stdout


@pytest.fixture(scope="module")
def site(built: tuple[Path, str]) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port); yields its base URL."""
    html, _ = built
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_site_builds_without_a_warning(built):
    _, log = built
    warnings = [line for line in log.splitlines() if "WARNING:" in line]
    assert not warnings, "\n".join(warnings)


def test_no_page_fetches_anything_from_another_machine(built):
    html, _ = built
    remote = []
    for page in sorted(html.rglob("*.html")):
        parser = _FetchedURLs()
        parser.feed(page.read_text(encoding="utf-8"))
        remote += [f"{page.relative_to(html)}: {url}" for url in parser.urls
                   if urlsplit(url).scheme in ("http", "https") or url.startswith("//")]
    assert not remote, "\n".join(remote[:20])
    assert not [p for p in html.rglob("*.html") if "unpkg.com" in p.read_text(encoding="utf-8")]


def _open(page, site: str, path: str) -> list[str]:
    """Open a page and wait until each chart block is drawn or has failed; returns the page's
    requests that the server answered with an error (a file missing from the bundle)."""
    missing: list[str] = []
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{site}/{path}")
    page.wait_for_function("() => [...document.querySelectorAll('div.course-vega')].every(b => b.dataset.drawn)",
                           timeout=DRAW_TIMEOUT)
    return missing


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_a_lesson_page_draws_every_chart_offline(page, site, built, lesson):
    notebook = nbformat.read(lesson, as_version=4)
    missing = _open(page, site, f"notebooks/{lesson.stem}.html")

    drawn = page.locator("div.course-vega[data-drawn=true] .vega-embed svg.marks").count()
    assert drawn == chart_count(notebook), "every stored chart is drawn live"
    assert page.locator("div.course-vega[data-drawn=failed]").count() == 0
    assert page.locator(".course-vega-static").count() == 0, "a drawn chart's static copy is removed"
    assert page.locator(".course-widget-note").count() == widget_count(notebook)
    assert "NBVAL_" not in page.locator("main").inner_text()

    first = page.locator("div.cell").first
    is_lesson = lesson.stem[:2].isdigit()  # the primer's first cell teaches; a lesson's imports
    assert ("tag_hide-input" in (first.get_attribute("class") or "")) == is_lesson
    assert first.locator(".cell_input").is_visible() != is_lesson, "a lesson's import cell is folded away"

    has_math = any(c.cell_type == "markdown" and "$" in c.source for c in notebook.cells)
    assert (page.locator("mjx-container").count() > 0) == has_math, "formulas typeset by the bundled MathJax"

    launch = binder_url(read_repository(), f"notebooks/{lesson.name}")
    assert page.locator("a.course-badge").get_attribute("href") == launch
    theme_links = page.locator("a[href*='mybinder.org']:not(.course-badge):not(.course-launch-link)")
    assert {theme_links.nth(i).get_attribute("href") for i in range(theme_links.count())} == {launch}, \
        "the theme's launch menu and the course's badge agree"

    assert page.network.remote_requests == []
    assert missing == [], "every file the page asks for is in the site"
    assert not [m for m in page.console_messages if m.startswith("error")], page.console_messages

    html, _ = built
    shot = html.parent.parent / f"{lesson.stem}.png"
    charts = page.locator("div.course-vega")
    if charts.count():
        charts.first.scroll_into_view_if_needed()
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")


def test_a_chart_answers_the_mouse_with_a_tooltip(page, site, built):
    _open(page, site, "notebooks/02_balance_of_threat.html")
    chart = page.locator("div.course-vega .vega-embed").nth(1)
    chart.scroll_into_view_if_needed()
    mark = chart.locator("svg.marks g.mark-rect path").first
    mark.hover(force=True)  # a text label lies on the cell; it carries the same tooltip
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip()
    html, _ = built
    page.screenshot(path=str(html.parent.parent / "tooltip.png"))
    widget = page.locator(".course-widget-note").first
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(html.parent.parent / "widget_note.png"))
    assert page.network.remote_requests == []


def test_without_the_chart_library_the_static_copies_stay(page, site, built):
    lesson = ROOT / "notebooks" / "07_why_the_secession_failed.ipynb"  # one chart: a quick page
    page.route("**/vega-embed.min.js*", lambda route: route.abort())
    _open(page, site, f"notebooks/{lesson.stem}.html")
    expected = chart_count(nbformat.read(lesson, as_version=4))
    assert page.locator("div.course-vega[data-drawn=failed]").count() == expected
    copies = page.locator("div.course-vega img.course-vega-static")
    assert copies.count() == expected and all(copies.nth(i).is_visible() for i in range(expected))
    assert copies.first.evaluate("img => img.complete && img.naturalWidth > 0"), "the stored SVG copy loads"
    html, _ = built
    copies.first.scroll_into_view_if_needed()
    page.screenshot(path=str(html.parent.parent / "static_fallback.png"))


def test_the_front_page_lists_every_lesson_and_launches_the_course(page, site, built):
    page.goto(f"{site}/index.html")
    page.wait_for_url("**/site/intro.html")
    hrefs = page.locator("article a.reference.internal").evaluate_all("links => links.map(a => a.href)")
    for lesson in LESSONS:
        assert any(h.split("#")[0].endswith(f"notebooks/{lesson.stem}.html") for h in hrefs), lesson.stem
    badge = page.locator("a.course-badge")
    assert badge.get_attribute("href") == binder_url(read_repository(), LESSONS[0].relative_to(ROOT).as_posix())
    assert page.locator("input[type=search], .search-button-field").filter(visible=True).count() == 1, \
        "one search field, in the sidebar"
    html, _ = built
    page.screenshot(path=str(html.parent.parent / "intro.png"), full_page=True)
    assert page.network.remote_requests == []
