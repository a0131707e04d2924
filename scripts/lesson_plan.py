"""How long a lesson takes in class, and which of its code cells are plumbing.

    python scripts/lesson_plan.py                # print every lesson's estimate
    python scripts/lesson_plan.py --write        # stamp the estimate into each lesson's header

The estimate is computed from the executed notebook, never typed:

* reading: the prose (every markdown cell, "for the technically minded" boxes included; formulas,
  HTML tags and link targets left out) at :data:`WORDS_PER_MINUTE`;
* :data:`MINUTES_PER_WIDGET` for each widget (read the "Predict first" prompt, commit to a
  guess, move the control, talk about it with a neighbour);
* :data:`MINUTES_PER_QUESTION` for each discussion question (the numbered items under
  "## Discussion questions");
* :data:`MINUTES_PER_EXHIBIT` for each chart or table shown (read it, say what it shows).

Each ``#``/``##`` section's minutes are rounded to whole minutes and the lesson's estimate is
their sum, so the instructor guide's plan (``--plan`` prints it) adds up to the header. The header line between the markers
``<!-- time -->`` and ``<!-- /time -->`` in a lesson's first cell states it;
``tests/test_notebook_policy.py`` recomputes it and checks the lesson fits 60–90 minutes with at
most :data:`MAX_WORDS` words and :data:`MAX_TABLES` tables.

Plumbing: a code cell longer than :data:`SHOWN_LINES` lines (the ``# NBVAL_...`` marker line
not counted) is plumbing. :func:`mark_plumbing` hides its source in JupyterLab
(``metadata.jupyter.source_hidden``) and in the rendered site (the ``hide-input`` tag); what is
left in view is the one line that runs the model, or the widget. ``scripts/run_notebooks.py``
applies it before it executes a lesson, so the policy lives here, once.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parent.parent

WORDS_PER_MINUTE = 150
MINUTES_PER_WIDGET = 5
MINUTES_PER_QUESTION = 5
MINUTES_PER_EXHIBIT = 1
MAX_WORDS = 2500
MAX_TABLES = 8
SHORTEST, LONGEST = 60, 90
SHOWN_LINES = 2
HIDE_TAG = "hide-input"

#: A code cell that shows a widget: its outputs live in widget state.
WIDGET_CALLS = re.compile(
    r"\b(Explorer|PeriodView|Reveal|Dashboard|StabilityExplorer|SecessionExplorer|interact|interactive)\(")
VEGALITE = "application/vnd.vegalite.v5+json"
TIME_LINE = re.compile(r"<!-- time -->.*?<!-- /time -->", re.S)

_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
_TAGS = re.compile(r"<[^>]+>")
_LINKS = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Section:
    """What one ``#``/``##`` section of a lesson holds, and its minutes in class."""

    title: str
    words: int = 0
    widgets: int = 0
    questions: int = 0
    figures: int = 0
    tables: int = 0

    @property
    def minutes(self) -> int:
        """Whole minutes (at least 1 for a section with anything in it)."""
        raw = (self.words / WORDS_PER_MINUTE + MINUTES_PER_WIDGET * self.widgets
               + MINUTES_PER_QUESTION * self.questions + MINUTES_PER_EXHIBIT * (self.figures + self.tables))
        return max(1, round(raw)) if raw else 0


@dataclass(frozen=True)
class Estimate:
    """A lesson's sections, what it holds in all, and how long it takes in class."""

    sections: tuple[Section, ...]

    def total(self, what: str) -> int:
        return sum(getattr(s, what) for s in self.sections)

    words = property(lambda self: self.total("words"))
    widgets = property(lambda self: self.total("widgets"))
    questions = property(lambda self: self.total("questions"))
    figures = property(lambda self: self.total("figures"))
    tables = property(lambda self: self.total("tables"))

    @property
    def reading(self) -> float:
        return self.words / WORDS_PER_MINUTE

    @property
    def minutes(self) -> int:
        """The sum of the sections' whole minutes (the instructor guide's plan adds up to it)."""
        return self.total("minutes")

    def header(self) -> str:
        """The lesson's time line (between the markers)."""
        return (f"<!-- time -->**Time in class:** about {self.minutes} minutes: reading {self.reading:.0f} "
                f"({self.words:,} words at {WORDS_PER_MINUTE} a minute), {self.widgets} widgets × "
                f"{MINUTES_PER_WIDGET}, {self.questions} discussion questions × {MINUTES_PER_QUESTION}, "
                f"{self.figures + self.tables} charts and tables × {MINUTES_PER_EXHIBIT} "
                f"(how: `scripts/lesson_plan.py`).<!-- /time -->")

    def plan(self) -> str:
        """The sections as the rows of a plan table (section | minutes), for the instructor guide."""
        rows = [f"| {s.title} | {s.minutes} |" for s in self.sections if s.minutes]
        return "\n".join(["| section | minutes |", "|---|---:|", *rows, f"| **total** | **{self.minutes}** |"])


def prose_words(text: str) -> int:
    """The words of a markdown cell, without formulas, HTML tags, link targets or the time line."""
    for pattern in (TIME_LINE, _MATH, _TAGS, _LINKS):
        text = pattern.sub(" ", text)
    return len(_WORD.findall(text))


def questions_in(markdown: str) -> int:
    """The numbered items of a "## Discussion questions" section."""
    return len(re.findall(r"^\d+\.\s", markdown, re.M))


def is_widget_cell(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and cell.source.startswith("# NBVAL_IGNORE_OUTPUT") \
        and bool(WIDGET_CALLS.search(cell.source))


def exhibits(cell: nbformat.NotebookNode) -> tuple[int, int]:
    """(charts, tables) a code cell's stored outputs show."""
    figures = tables = 0
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if VEGALITE in data:
            figures += 1
        elif "<table" in str(data.get("text/html", "")):
            tables += 1
    return figures, tables


def estimate(nb: nbformat.NotebookNode) -> Estimate:
    """The lesson's :class:`Estimate`, section by section, from its cells and stored outputs.

    A section starts at each ``#`` or ``##`` heading; the title and learning goals are the
    first. The *References* section is not read aloud and is not counted.
    """
    rows: list[dict[str, Any]] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for part in filter(str.strip, re.split(r"(?m)^(?=#{1,2} )", cell.source)):
                heading = re.match(r"#{1,2} (.*)", part)
                joins_title = heading is not None and heading.group(1).strip() == "Learning goals" and len(rows) == 1
                if (heading or not rows) and not joins_title:
                    title = heading.group(1).strip() if heading else "Title and learning goals"
                    rows.append({"title": title if rows else "Title and learning goals"})
                row = rows[-1]
                if row["title"] == "References":
                    continue
                if row["title"] == "Discussion questions":
                    row["questions"] = row.get("questions", 0) + questions_in(part)
                    part = re.sub(r"(?m)^\d+\.\s", "", part)
                row["words"] = row.get("words", 0) + prose_words(part)
        elif rows:
            row = rows[-1]
            figures, tables = exhibits(cell)
            row["widgets"] = row.get("widgets", 0) + is_widget_cell(cell)
            row["figures"] = row.get("figures", 0) + figures
            row["tables"] = row.get("tables", 0) + tables
    return Estimate(tuple(Section(**r) for r in rows))


def code_lines(cell: nbformat.NotebookNode) -> int:
    """A code cell's lines, without nbval's marker comment."""
    return len([line for line in cell.source.splitlines() if not line.startswith("# NBVAL_")])


def is_plumbing(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and code_lines(cell) > SHOWN_LINES


def is_hidden(cell: nbformat.NotebookNode) -> bool:
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden")) and HIDE_TAG in cell.metadata.get("tags", [])


def mark_plumbing(nb: nbformat.NotebookNode) -> None:
    """Hide every plumbing cell's source (JupyterLab and the site); show every other cell's."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = [t for t in cell.metadata.get("tags", []) if t != HIDE_TAG]
        jupyter = {k: v for k, v in cell.metadata.get("jupyter", {}).items() if k != "source_hidden"}
        if is_plumbing(cell):
            tags.append(HIDE_TAG)
            jupyter["source_hidden"] = True
        for key, value in (("tags", tags), ("jupyter", jupyter)):
            if value:
                cell.metadata[key] = value
            else:
                cell.metadata.pop(key, None)


def stamp(nb: nbformat.NotebookNode) -> bool:
    """Write the estimate into the first cell's time line; True if it changed."""
    first = nb.cells[0]
    line = estimate(nb).header()
    if TIME_LINE.search(first.source):
        new = TIME_LINE.sub(lambda _: line, first.source)
    else:
        head, _, rest = first.source.partition("\n")
        new = f"{head}\n\n{line}\n{rest}"
    changed = new != first.source
    first.source = new
    return changed


def lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true", help="stamp the estimate into each lesson's header")
    parser.add_argument("--plan", action="store_true", help="print each lesson's plan table (section | minutes)")
    args = parser.parse_args()
    for path in args.paths or lessons():
        nb = nbformat.read(path, as_version=4)
        est = estimate(nb)
        flag = "" if SHORTEST <= est.minutes <= LONGEST and est.words <= MAX_WORDS and est.tables <= MAX_TABLES \
            else "  <-- outside the plan"
        print(f"{path.name}: {est.minutes} min ({est.words} words, {est.widgets} widgets, {est.questions} "
              f"questions, {est.figures} charts, {est.tables} tables){flag}")
        if args.plan:
            print(est.plan(), end="\n\n")
        if args.write and stamp(nb):
            nbformat.write(nb, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
