"""The course website's parts that need no browser: the launch links and their generator, what
a lesson becomes on the site (site/_ext/course_site/notebooks.py), the npm bundle's checks.

The site itself is built and opened in Chromium by tests/browser/test_site.py.
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site" / "_ext"))

from course_site import links, notebooks, vendor  # noqa: E402
from course_site.links import (  # noqa: E402
    Repository,
    binder_url,
    find_lesson,
    lessons,
    nbgitpuller_url,
    read_repository,
)
from course_site.notebooks import (  # noqa: E402
    VEGALITE_MIMES,
    WIDGET_MIME,
    chart_count,
    prepare_notebook,
    strip_test_markers,
    widget_count,
)

REPO = Repository("https://github.com/some-org/some-course", "term-2026")
LESSON = "notebooks/02_balance_of_threat.ipynb"


# -------------------------------------------------------------------- launch links


def test_binder_link_opens_the_file_in_jupyterlab():
    parts = urlsplit(binder_url(REPO, LESSON))
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "mybinder.org", "/v2/gh/some-org/some-course/term-2026")
    assert parse_qs(parts.query) == {"urlpath": [f"lab/tree/{LESSON}"]}


@pytest.mark.parametrize("url, start", [
    ("https://gitlab.com/group/course", "https://hub.example.org/v2/gl/group%2Fcourse/main"),
    ("https://git.example.edu/ir/course", "https://hub.example.org/v2/git/https%3A%2F%2Fgit.example.edu%2Fir%2Fcourse/main"),
])
def test_binder_link_for_other_hosts(url, start):
    assert binder_url(Repository(url), LESSON, "https://hub.example.org/").startswith(start + "?urlpath=")


def test_nbgitpuller_link_pulls_the_repository_and_opens_the_lesson_in_its_clone():
    parts = urlsplit(nbgitpuller_url(REPO, "https://hub.example.edu/", LESSON))
    assert (parts.netloc, parts.path) == ("hub.example.edu", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {"repo": [REPO.url], "branch": ["term-2026"], "targetPath": ["some-course"],
                                     "urlpath": [f"lab/tree/some-course/{LESSON}"]}


def test_nbgitpuller_link_names_the_clone_folder_even_for_a_dot_git_address():
    query = parse_qs(urlsplit(nbgitpuller_url(Repository("https://github.com/org/course.git"),
                                              "https://hub.example.edu", LESSON)).query)
    assert query["targetPath"] == ["course"] and query["urlpath"] == [f"lab/tree/course/{LESSON}"]


@pytest.mark.parametrize("bad", ["hub.example.edu", "ftp://hub.example.edu", "https://", ""])
def test_a_hub_address_that_is_no_url_is_refused(bad):
    with pytest.raises(ValueError, match="http"):
        nbgitpuller_url(REPO, bad, LESSON)


@pytest.mark.parametrize("bad", ["github.com/org/repo", "https://github.com/org", "https://github.com/"])
def test_a_repository_url_without_org_and_name_is_refused(bad):
    with pytest.raises(ValueError, match="ORG/REPO"):
        Repository(bad)


def test_the_configured_repository_is_read_from_the_site_config():
    repo = read_repository()
    assert repo.url.startswith("https://") and repo.branch
    assert repo.name == repo.url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("query", ["2", "02", "02_balance_of_threat", "02_balance_of_threat.ipynb", LESSON])
def test_a_lesson_is_found_by_number_name_or_path(query):
    assert find_lesson(query) == LESSON


def test_a_lesson_is_found_by_the_start_of_its_name():
    assert find_lesson("primer") == "notebooks/primer_python_and_pandas.ipynb"


@pytest.mark.parametrize("query", ["99", "nothing", "0_"])
def test_a_name_that_matches_no_single_lesson_lists_the_lessons(query):
    with pytest.raises(LookupError) as info:
        find_lesson(query)
    assert all(name in str(info.value) for name in lessons())


def _link_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "nbgitpuller_link.py"), *args],
                          capture_output=True, text=True, timeout=60)


def test_the_link_script_prints_the_link():
    result = _link_script("https://hub.example.edu", "02", "--repo", REPO.url, "--branch", REPO.branch)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == nbgitpuller_url(REPO, "https://hub.example.edu", LESSON)
    assert result.stderr == ""


def test_the_link_script_answers_bad_input_with_a_message_not_a_traceback():
    for args in (["hub.example.edu", "02"], ["https://hub.example.edu", "99"]):
        result = _link_script(*args)
        assert result.returncode == 2
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_the_link_script_warns_while_the_repository_is_the_placeholder():
    result = _link_script("https://hub.example.edu", "--repo", "https://github.com/YOUR-ORG/friends-and-foes")
    assert result.returncode == 0 and "placeholder" in result.stderr


# -------------------------------------------------------------------- a lesson on the site


SPEC = {"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json", "mark": "bar",
        "title": {"text": "Threat </script> components", "subtitle": "x"}, "data": {"values": [{"a": 1}]}}
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def _notebook() -> dict:
    code = lambda src, outputs=(), tags=None: nbformat.v4.new_code_cell(  # noqa: E731
        src, outputs=list(outputs), metadata={"tags": tags} if tags else {})
    chart = nbformat.v4.new_output("execute_result", {VEGALITE_MIMES[0]: SPEC, "image/svg+xml": SVG,
                                                      "text/plain": "<Altair chart>"}, execution_count=1)
    widget = nbformat.v4.new_output("display_data", {WIDGET_MIME: {"model_id": "abc", "version_major": 2},
                                                     "text/plain": "VBox(children=…)"})
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 02 A lesson\n\nIntro with [the exercise](../exercises/02.ipynb)."),
        code("from alliances import charts"),
        code("chart()", [chart]),
        code("# NBVAL_IGNORE_OUTPUT\nExplorer('rsct')", [widget]),
        code("secret()", tags=["remove-input"]),
    ])


def _html(output: dict) -> str:
    return output["data"]["text/html"]


def test_a_chart_becomes_its_spec_for_vega_embed_with_the_static_copy_beside_it():
    out = prepare_notebook(_notebook())["cells"][2]["outputs"][0]
    assert set(out["data"]) == {"text/html", "text/plain"}
    html = _html(out)
    payload = html.split('class="course-vega-spec">', 1)[1].split("</script>", 1)[0]
    spec = json.loads(payload)
    assert spec["mark"] == "bar" and spec["description"] == "Threat </script> components"
    encoded = html.split("base64,", 1)[1].split('"', 1)[0]
    assert base64.b64decode(encoded).decode() == SVG
    assert 'aria-label="Threat &lt;/script&gt; components"' in html


def test_a_widget_becomes_a_note_with_the_launch_link():
    out = prepare_notebook(_notebook(), "https://binder.example/launch?a=1&b=2")["cells"][3]["outputs"][0]
    assert WIDGET_MIME not in out["data"]
    assert "In JupyterLab this cell shows controls" in _html(out)
    assert 'href="https://binder.example/launch?a=1&amp;b=2"' in _html(out)
    assert "launch" not in _html(prepare_notebook(_notebook())["cells"][3]["outputs"][0]).lower()


def test_nbval_markers_go_and_the_import_cell_is_folded():
    cells = prepare_notebook(_notebook())["cells"]
    assert cells[3]["source"] == "Explorer('rsct')"
    assert cells[1]["metadata"]["tags"] == ["hide-input"]
    assert cells[4]["metadata"]["tags"] == ["remove-input"], "a cell's own tags are kept"
    assert "tags" not in cells[2]["metadata"]


def test_a_first_cell_that_teaches_stays_visible():
    nb = _notebook()
    nb["cells"][1]["source"] = "independence = 1991\nindependence"
    assert "tags" not in prepare_notebook(nb)["cells"][1]["metadata"]


def test_an_import_cell_that_already_hides_itself_gets_no_second_tag():
    nb = _notebook()
    nb["cells"][1]["metadata"]["tags"] = ["remove-cell"]
    assert prepare_notebook(nb)["cells"][1]["metadata"]["tags"] == ["remove-cell"]


@pytest.mark.parametrize("source, expected", [
    ("# NBVAL_IGNORE_OUTPUT\nx", "x"),
    ("  #NBVAL_SKIP  \nx\n", "x\n"),
    ("x  # NBVAL_IGNORE_OUTPUT is not alone on its line", "x  # NBVAL_IGNORE_OUTPUT is not alone on its line"),
])
def test_strip_test_markers(source, expected):
    assert strip_test_markers(source) == expected


def test_the_badge_goes_under_the_title_and_outside_links_are_redirected():
    nb = prepare_notebook(_notebook(), "https://binder.example/x",
                          lambda target: "https://host/" + target[3:] if target.startswith("../") else None)
    first = nb["cells"][0]["source"]
    assert first.startswith("# 02 A lesson\n\n<a class=\"course-badge\" href=\"https://binder.example/x\">")
    assert "[the exercise](https://host/exercises/02.ipynb)" in first


def test_the_stored_notebook_is_not_changed():
    nb = _notebook()
    before = json.dumps(nb, sort_keys=True)
    prepare_notebook(nb, "https://binder.example/x", lambda t: "y")
    assert json.dumps(nb, sort_keys=True) == before


def test_charts_and_widgets_are_counted():
    assert (chart_count(_notebook()), widget_count(_notebook())) == (1, 1)


# -------------------------------------------------------------------- the npm bundle


def _tarball(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_integrity_is_npms_sha512_in_base64(tmp_path):
    file = tmp_path / "f.tgz"
    file.write_bytes(b"abc")
    assert vendor.integrity_of(file) == "sha512-" + base64.b64encode(hashlib.sha512(b"abc").digest()).decode()


def test_a_package_unpacks_only_its_files_and_remembers_its_integrity(tmp_path):
    tarball = _tarball(tmp_path / "p-1.0.0.tgz", {"package/build/p.min.js": b"js", "package/LICENSE": b"L",
                                                  "package/fonts/a.woff": b"a", "package/src/x.ts": b"x"})
    package = vendor.NpmPackage("p", "1.0.0", vendor.integrity_of(tarball),
                                (("package/build/p.min.js", "p.min.js"), ("package/fonts/", "fonts/")))
    target = vendor.unpack(package, tarball, tmp_path / "vendor")
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == [vendor.STAMP, "fonts/a.woff", "p.min.js"]
    assert vendor.is_unpacked(package, tmp_path / "vendor")
    changed = vendor.NpmPackage("p", "1.0.0", "sha512-other", package.files)
    assert not vendor.is_unpacked(changed, tmp_path / "vendor")


def test_a_package_missing_a_pinned_file_is_refused(tmp_path):
    tarball = _tarball(tmp_path / "p-1.0.0.tgz", {"package/README.md": b"r"})
    package = vendor.NpmPackage("p", "1.0.0", "sha512-x", (("package/build/p.min.js", "p.min.js"),))
    with pytest.raises(ValueError, match="p.min.js"):
        vendor.unpack(package, tarball, tmp_path / "vendor")


def test_every_script_the_pages_load_is_a_pinned_file():
    served = {f"{p.name}/{dest}" for p in vendor.PACKAGES for _, dest in p.files}
    assert set(vendor.CHART_SCRIPTS) | {vendor.MATHJAX_PATH} <= served


@pytest.mark.parametrize("module", [links, notebooks], ids=lambda m: m.__name__)
def test_the_examples_in_the_docstrings_hold(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted and not result.failed
