"""Kernel start-up: defer one slow third-party import that the course never uses.

``import altair`` imports ``jsonschema``, whose format checker module (``jsonschema._format``)
runs ``from rfc3987_syntax import is_valid_syntax`` when that package is installed (it is: the
JupyterLab server's ``jupyter-events`` asks for ``jsonschema[format-nongpl]``). Importing
``rfc3987_syntax`` builds its Lark grammar, about 1.1 s of a 2.3 s start-up on the course's
machine (upstream: python-jsonschema/jsonschema issue #1428, "Lazy import rfc3987_syntax").
The grammar serves only the ``iri`` and ``iri-reference`` formats; the Vega-Lite schema that
Altair validates against uses ``uri``, ``uri-reference`` and ``color-hex`` and neither of them.

:func:`defer_rfc3987_syntax` puts a stand-in module under that name before ``jsonschema`` is
imported: its ``is_valid_syntax`` imports the real package on its first call and hands the
call on. Validation is unchanged (the same checker runs, later); nothing is vendored or
patched (rfc3987-syntax stays the MIT-licensed package installed beside jsonschema, imported
as it is), so the course's licences are unaffected. ``alliances/__init__.py`` calls it first;
tests/charts/test_startup.py checks both halves (not imported at start-up; the same answers).
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

_NAME = "rfc3987_syntax"


class _Deferred(types.ModuleType):
    """``rfc3987_syntax`` until first use: any call or attribute loads the real package."""

    def _real(self) -> types.ModuleType:
        if sys.modules.get(_NAME) is self:
            del sys.modules[_NAME]
        import rfc3987_syntax  # type: ignore[import-untyped]  # (no type information)

        return rfc3987_syntax

    def is_valid_syntax(self, term: str, value: str) -> bool:
        return bool(self._real().is_valid_syntax(term, value))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._real(), name)


def _installed() -> bool:
    """Whether ``rfc3987_syntax`` is installed as a folder on ``sys.path`` (as pip installs it).

    Looked for on disk, not imported (that is the cost to avoid); a copy this misses (in a zip,
    say) is simply not deferred.
    """
    return any(os.path.isfile(os.path.join(entry or os.curdir, _NAME, "__init__.py")) for entry in sys.path)


def defer_rfc3987_syntax() -> bool:
    """Stand in for ``rfc3987_syntax`` until first use; True if the stand-in was installed.

    Does nothing (False) when the package is not installed, or when it or ``jsonschema`` is
    already imported (then the cost is paid, or will not be, and the real module stays).
    """
    if _NAME in sys.modules or "jsonschema" in sys.modules or not _installed():
        return False
    stand_in = _Deferred(_NAME, "stands in for rfc3987_syntax until first use (alliances.startup)")
    sys.modules[_NAME] = stand_in
    return True
