"""The package's layout rules, checked on the source: where things live and which way imports run.

- every module is short enough to read (≤ 600 lines);
- no private name (``_x``) is imported across modules: what two modules share is public;
- imports run one way: data → world → theories → analysis → charts → widgets; the models
  (theories, Karabakh arc) never import analysis, charts, widgets or checks; nothing outside
  ``alliances.widgets`` imports a widget module; the checks import no UI;
- charts draw frames they are given: they import no *function* from a model or analysis module
  (constants such as ``MEASURES`` are fine), only the registry, the palette and each other;
- no dynamic import lookups (``importlib``/``pkgutil``): every registry is a literal;
- the Okabe–Ito colours are written once, in ``alliances/palette.py``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "alliances"
MODULES = sorted(PACKAGE.rglob("*.py"))
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module imported, names imported from it)`` for every import statement in ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_no_module_is_longer_than_600_lines(path):
    lines = len(path.read_text().splitlines())
    assert lines <= 600, f"{rel(path)} has {lines} lines; split it along its seams"


@pytest.mark.parametrize("path", [*MODULES, *sorted((ROOT / "benchmarks").glob("*.py")),
                                  *sorted((ROOT / "scripts").glob("*.py"))], ids=rel)
def test_no_private_name_is_imported_across_modules(path):
    private = [f"{mod}.{name}" for mod, names in imports(path) if mod.startswith("alliances")
               for name in names if name.startswith("_")]
    private += [mod for mod, _ in imports(path) if mod.startswith("alliances") and
                any(part.startswith("_") and part != "__init__" for part in mod.split("."))]
    assert not private, f"{rel(path)} imports private names {private}; make what is shared public"


#: Which packages a layer may not import (prefix match on the imported module).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "alliances.data": ("alliances.world", "alliances.theories", "alliances.analysis", "alliances.charts",
                       "alliances.widgets", "alliances.checks"),
    "alliances.world": ("alliances.theories", "alliances.analysis", "alliances.charts", "alliances.widgets",
                        "alliances.checks"),
    "alliances.theories": ("alliances.analysis", "alliances.charts", "alliances.widgets", "alliances.checks",
                           "alliances.karabakh", "alliances.secession"),
    "alliances.karabakh": ("alliances.theories", "alliances.analysis", "alliances.charts", "alliances.widgets",
                           "alliances.checks"),
    "alliances.secession": ("alliances.theories", "alliances.analysis", "alliances.charts", "alliances.widgets",
                            "alliances.checks"),
    "alliances.analysis": ("alliances.charts", "alliances.widgets", "alliances.checks", "altair", "ipywidgets"),
    "alliances.checks": ("alliances.charts", "alliances.widgets", "altair", "ipywidgets"),
    "alliances.charts": ("alliances.widgets", "alliances.checks", "ipywidgets"),
    "alliances.params": ("alliances.world", "alliances.theories", "alliances.analysis", "alliances.charts",
                         "alliances.widgets", "alliances.checks"),
    "alliances.palette": ("alliances.",),
}


def _layer(name: str) -> str | None:
    return next((layer for layer in FORBIDDEN if name == layer or name.startswith(layer + ".")), None)


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_imports_run_one_way(path):
    layer = _layer(module_name(path))
    if layer is None:
        return
    bad = [mod for mod, _ in imports(path)
           if any(mod == f or mod.startswith(f if f.endswith(".") else f + ".") for f in FORBIDDEN[layer])]
    # "from alliances import charts" names the forbidden module in the imported names
    bad += [f"alliances.{n}" for mod, names in imports(path) if mod == "alliances" for n in names
            if any(f"alliances.{n}" == f for f in FORBIDDEN[layer])]
    assert not bad, f"{rel(path)} ({layer}) imports {bad}"


def test_nothing_outside_the_widgets_imports_them():
    users = [rel(p) for p in MODULES if not module_name(p).startswith("alliances.widgets")
             and any(m.startswith("alliances.widgets") or (m == "alliances" and "widgets" in n)
                     for m, n in imports(p))]
    assert not users, f"modules outside alliances.widgets import it: {users}"


CHART_MAY_IMPORT = ("alliances.charts", "alliances.palette", "alliances.errors", "alliances.theories.registry")


@pytest.mark.parametrize("path", sorted((PACKAGE / "charts").glob("*.py")), ids=rel)
def test_charts_import_no_model_or_analysis_function(path):
    bad = []
    for mod, names in imports(path):
        if not mod.startswith("alliances") or mod.startswith(CHART_MAY_IMPORT):
            continue
        bad += [f"{mod}.{n}" for n in (names or ["(module)"]) if not n.isupper()]
    assert not bad, f"{rel(path)} imports {bad}: a chart draws the frame it is given and computes no model"


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_no_dynamic_imports(path):
    mods = {m for m, _ in imports(path)}
    assert not mods & {"importlib", "pkgutil"}, f"{rel(path)} looks modules up dynamically; import them by name"


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "palette.py"], ids=rel)
def test_okabe_ito_colours_are_written_once(path):
    text = path.read_text()
    found = sorted({c for c in OKABE_ITO if re.search(re.escape(c), text, re.IGNORECASE)})
    assert not found, f"{rel(path)} writes {found}; use alliances.palette"
