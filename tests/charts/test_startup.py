"""alliances.startup: the IRI grammar of rfc3987_syntax is not built at start-up, and every
check that uses it answers as the real package does (the choice is described in alliances/startup.py)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import fresh_python

pytest.importorskip("rfc3987_syntax")

# IRIs and IRI references the format checker tells apart (valid and invalid ones)
SAMPLES = ["http://example.org/\u00e9t\u00e9", "https://[::1]:8080/a?b#c", "no scheme here", "http://exa mple.org/",
           "relative/\u00e9", "#frag", "http://example.org/%zz"]

# one fresh interpreter: import as a lesson does, ask jsonschema's checker (through the stand-in),
# then ask the real package directly, and let Altair validate a bad spec
PROBE = """
import importlib, json, sys
import alliances, altair, jsonschema
stand_in = sys.modules["rfc3987_syntax"]
deferred_at_start = type(stand_in).__name__ == "_Deferred"
checker = jsonschema.Draft7Validator.FORMAT_CHECKER
samples = {samples!r}
via_checker = {{fmt: [checker.conforms(s, fmt) for s in samples] for fmt in ("iri", "iri-reference")}}
real = importlib.import_module("rfc3987_syntax")
direct = {{fmt: [real.is_valid_syntax(fmt.replace("-", "_"), s) for s in samples] for fmt in ("iri", "iri-reference")}}
try:
    altair.Chart(altair.Data(values=[])).mark_point().encode(x="a:Q").properties(width="wide").to_dict()
    rejects = False
except jsonschema.ValidationError:
    rejects = True
print(json.dumps({{"deferred_at_start": deferred_at_start, "real_is_loaded_after": real is not stand_in,
                  "via_checker": via_checker, "direct": direct, "altair_rejects_bad_spec": rejects}}))
"""


def test_grammar_waits_until_used_and_answers_are_the_real_ones() -> None:
    code = PROBE.format(samples=SAMPLES)
    out = json.loads(fresh_python(code).splitlines()[-1])
    assert out["deferred_at_start"] and out["real_is_loaded_after"]
    assert out["via_checker"] == out["direct"]
    assert True in out["direct"]["iri"] and False in out["direct"]["iri"]
    assert out["altair_rejects_bad_spec"]


def test_stand_in_is_left_out_once_jsonschema_is_imported() -> None:
    import jsonschema  # noqa: F401  (already imported by the package in this process)

    from alliances.startup import defer_rfc3987_syntax

    assert defer_rfc3987_syntax() is False
