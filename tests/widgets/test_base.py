"""The shared widget machinery: controls from specs, dataset swaps by name, one rule for ``fixed``,
and one ``controls_that_change`` that can tell a dead control."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from alliances.errors import ParameterError
from alliances.params import BoolParam, ChoiceParam, FloatParam
from alliances.widgets import (
    Explorer,
    SecessionExplorer,
    StabilityExplorer,
    chartview,
    control_for,
    controls_that_change,
)
from alliances.widgets.base import swap_datasets
from alliances.widgets.chartview import BUNDLE, TITLE_PARAM, ChartView
from tests.widgets.helpers import shown_spec


def test_control_kinds_come_from_the_spec():
    weight = FloatParam("w", 0.5, "a weight", low=0.0, high=2.0, step=0.25)
    slider = control_for(weight)
    assert isinstance(slider, w.FloatSlider)
    assert (slider.value, slider.min, slider.max, slider.step, slider.tooltip) == (0.5, 0.0, 2.0, 0.25, "a weight")
    assert control_for(FloatParam("x", 0.0, "d", low=0.0, high=1.0)).step == pytest.approx(0.05)
    toggle = control_for(BoolParam("t", True, "a toggle"))
    assert isinstance(toggle, w.Checkbox) and toggle.value is True
    choice = control_for(ChoiceParam("c", "b", "a choice", choices=("a", "b")))
    assert isinstance(choice, w.Dropdown) and tuple(choice.options) == ("a", "b") and choice.value == "b"


TEMPLATE = {"title": {"text": "old", "subtitle": "s"}, "datasets": {"a": [{"x": 1}], "data-123": [{"y": 2}]}}


def test_swap_datasets_replaces_named_rows_and_refuses_unknown_names():
    spec = swap_datasets(TEMPLATE, {"a": [{"x": 5}]}, title="new")
    assert spec["datasets"] == {"a": [{"x": 5}], "data-123": [{"y": 2}]}
    assert spec["title"] == {"text": "new", "subtitle": "s"}
    assert TEMPLATE["datasets"]["a"] == [{"x": 1}] and TEMPLATE["title"]["text"] == "old", "the template is untouched"
    with pytest.raises(ValueError, match="no data set"):
        swap_datasets(TEMPLATE, {"b": []})


def test_redraw_replaces_the_rows_and_embeds_the_template_once():
    view = ChartView()
    for value in (1, 2, 3):
        view.draw(TEMPLATE, {"a": [{"x": value}]}, title=f"title {value}")
    assert shown_spec(view)["datasets"]["a"] == [{"x": 3}], "a redraw replaces the data set's rows"
    assert view.datasets == {"a": [{"x": 3}], "data-123": [{"y": 2}]}, "rows never stack"
    assert (view.embeds, view.draws) == (1, 3), "the template goes to the browser once"
    assert view.title == "title 3" and view.spec["title"]["text"] == {"expr": TITLE_PARAM}
    assert {"name": TITLE_PARAM, "value": "title 1"} in view.spec["params"], "the title is a param, not a re-embed"
    assert "datasets" not in view.spec, "the rows travel apart from the template"
    assert view.description == "title 3. s."
    other = {**TEMPLATE, "mark": "bar"}
    view.draw(other, {"a": [{"x": 4}]})
    assert view.embeds == 2 and shown_spec(view)["mark"] == "bar", "a new structure is embedded anew"
    with pytest.raises(ValueError, match="no data set"):
        view.draw(TEMPLATE, {"b": []})


def test_show_redraws_a_rebuilt_chart_without_embedding_it_again():
    """Altair names inline rows after their hash; ``show`` numbers them, so new rows are a redraw."""
    import altair as alt

    def chart(n):
        return alt.Chart(pd.DataFrame({"x": range(n)}), title=f"n = {n}").mark_point().encode(x="x:Q").to_dict()

    view = ChartView()
    view.show(chart(2))
    view.show(chart(5))
    assert (view.embeds, view.draws) == (1, 2)
    assert list(view.datasets) == ["data-0"] and len(view.datasets["data-0"]) == 5
    assert shown_spec(view)["title"] == "n = 5" and shown_spec(view)["data"] == {"name": "data-0"}


def test_the_bundle_ships_with_the_package_and_imports_nothing():
    """The widget's JavaScript is one file inside the package: no CDN, no second module to fetch."""
    assert BUNDLE.parent == Path(chartview.__file__).parent / "static"
    text = BUNDLE.read_text()
    assert str(ChartView._esm) == text, "the widget's module is the bundled file"
    assert "changeset" in text and "export{" in text.replace(" ", "")
    assert "import(" not in text and not text.lstrip().startswith("import"), "the bundle imports nothing"


EXPLORERS = [
    (lambda **kw: Explorer("rsct", **kw), "w_regional", 0.2, "w_weakness", 0.3),
    (lambda **kw: StabilityExplorer(**kw), "threshold", 0.3, "w_inertia", 0.25),
    (lambda **kw: SecessionExplorer(**kw), "w_legal", 0.1, "unknowns", "drop"),
]


@pytest.mark.parametrize("make, shown, value, hidden, other", EXPLORERS, ids=["theory", "stability", "secession"])
def test_fixed_is_honoured_in_every_explorer(make, shown, value, hidden, other):
    """Regression: Explorer used to ignore ``fixed`` for a parameter that has a control."""
    explorer = make(show=[shown], fixed={shown: value, hidden: other})
    assert explorer.controls[shown].value == value, "a fixed value sets the control"
    assert explorer.params()[shown] == value and explorer.params()[hidden] == other
    assert hidden not in explorer.controls
    everything = make(fixed={shown: value})
    assert everything.params()[shown] == value == everything.controls[shown].value


@pytest.mark.parametrize("make, shown, value, hidden, other", EXPLORERS, ids=["theory", "stability", "secession"])
def test_fixed_values_and_controls_are_validated(make, shown, value, hidden, other):
    with pytest.raises(ParameterError, match="has no parameter"):
        make(show=["w_vibes"])
    with pytest.raises(ParameterError, match="has no parameter"):
        make(fixed={"w_vibes": 1})
    with pytest.raises(ParameterError, match="is not allowed"):
        make(fixed={shown: "lots"})
    with pytest.raises(ParameterError, match="no control"):
        make(show=[shown]).set_values(**{hidden: other})


class _Toy:
    """An explorer whose signature reads only the control ``live``."""

    period = None

    def __init__(self):
        self.specs = {"live": FloatParam("live", 0.5, "d", low=0.0, high=1.0),
                      "dead": BoolParam("dead", True, "d")}
        self.controls = {n: control_for(p) for n, p in self.specs.items()}

    def control_items(self):
        return [(n, self.specs[n], c) for n, c in self.controls.items()]

    def signature(self):
        return pd.DataFrame({"x": [self.controls["live"].value]})


def test_controls_that_change_finds_a_dead_control_and_puts_everything_back():
    toy = _Toy()
    toy.controls["live"].value = 0.3
    assert controls_that_change(toy) == {"live": True, "dead": False}
    assert toy.controls["live"].value == 0.3 and toy.controls["dead"].value is True
    assert controls_that_change(toy, alternatives=lambda p: [0.3] if p.name == "live" else [True]) == {
        "live": False, "dead": False}
    with pytest.raises(ValueError, match="no period control"):
        controls_that_change(toy, whens=["2008-2019"])


def test_a_control_is_greyed_out_while_its_parameter_does_not_matter():
    """A thin-identity weight is disabled under the interaction variant and while its toggle is off."""
    explorer = Explorer("constructivism", show=["identity", "use_religion", "religion_weight"])
    weight, toggle, variant = (explorer.controls[n] for n in ("religion_weight", "use_religion", "identity"))
    assert variant.value == "interaction" and weight.disabled and toggle.disabled
    variant.value = "thin"
    assert not weight.disabled and not toggle.disabled
    toggle.value = False
    assert weight.disabled
    toggle.value = True
    assert not weight.disabled


def test_a_fixed_variant_enables_its_own_controls():
    explorer = Explorer("constructivism", show=["religion_weight"], fixed={"identity": "thin"})
    assert not explorer.controls["religion_weight"].disabled


def test_every_requirement_names_a_parameter_of_its_model_and_an_allowed_value():
    from alliances import karabakh, secession
    from alliances.theories import THEORIES, parameter_specs

    models = {t: parameter_specs(t) for t in THEORIES} | {"karabakh": karabakh.PARAMETERS,
                                                         "secession": secession.PARAMETERS}
    for model, specs in models.items():
        known = {p.name: p for p in specs}
        for p in specs:
            for name, value in p.requires:
                assert name in known and name != p.name, f"{model}.{p.name} requires unknown {name!r}"
                assert known[name].validate(value) == value, f"{model}.{p.name}: {name}={value!r} not allowed"
