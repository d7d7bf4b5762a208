"""Traits from the engine's declaration.

``static/schema.json`` is ``gradscope schema --format json`` (the same JSON as the wasm
``schema()``), written at build time by ``scripts/build-python.mjs``. Nothing here writes a
field's name, default, range or choices: each trait is made from the declaration.
"""
from __future__ import annotations

import json
import math
import numbers
from functools import lru_cache
from pathlib import Path

import traitlets

STATIC = Path(__file__).parent / "static"


@lru_cache(maxsize=None)
def schema() -> dict:
    """Every live cell's declaration: ``{"cells": {name: {"prefix", "fields": {...}}}}``."""
    return json.loads((STATIC / "schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def options() -> dict:
    """The element's options besides fields: ``{"parts", "langs", "themes"}``."""
    return json.loads((STATIC / "options.json").read_text(encoding="utf-8"))


def _number(x):
    return f"{x:g}" if isinstance(x, float) else str(x)


class Field(traitlets.TraitType):
    """A trait for one declared field of a cell; ``decl`` is its declaration's JSON."""

    def __init__(self, cell: str, name: str, decl: dict):
        self.cell = cell
        self.field = name
        self.decl = decl
        super().__init__(default_value=_copy(decl["default"]), help=decl.get("doc", ""))
        self.tag(sync=True)

    @property
    def info_text(self):  # used by traitlets in its own messages
        return self.describe()

    def describe(self) -> str:
        d = self.decl
        t = d["type"]
        unit = f" {d['unit']}" if d.get("unit") else ""
        if t in ("int", "float"):
            return f"{'a whole number' if t == 'int' else 'a number'} in [{_number(d['min'])}, {_number(d['max'])}]{unit}"
        if t == "enum":
            return "one of " + ", ".join(repr(c) for c in d["choices"])
        if t == "bool":
            return "True or False"
        if t == "list":
            return (
                f"a list of {d['min_len']} to {d['max_len']} whole numbers, "
                f"each in [{_number(d['min'])}, {_number(d['max'])}]{unit}"
            )
        return t

    def fail(self, value, why: str = ""):
        raise traitlets.TraitError(
            f"{self.cell}.{self.field} must be {self.describe()}{why}; got {value!r}"
        )

    def validate(self, obj, value):
        d = self.decl
        t = d["type"]
        if t == "bool":
            if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
                return bool(value)
            self.fail(value)
        if t == "enum":
            if isinstance(value, str) and value in d["choices"]:
                return value
            self.fail(value)
        if t == "int":
            return self._int(value, value)
        if t == "float":
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                self.fail(value)
            x = float(value)
            if not math.isfinite(x) or not d["min"] <= x <= d["max"]:
                self.fail(value)
            return x
        if t == "list":
            if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
                self.fail(value)
            items = list(value)
            if not d["min_len"] <= len(items) <= d["max_len"]:
                self.fail(value, f" (it has {len(items)})")
            return [self._int(v, value) for v in items]
        self.fail(value, " (an unknown type in the declaration)")

    def _int(self, x, whole):
        d = self.decl
        if isinstance(x, bool) or not isinstance(x, numbers.Real):
            self.fail(whole)
        if isinstance(x, numbers.Integral):
            n = int(x)
        elif math.isfinite(float(x)) and float(x).is_integer():
            n = int(x)
        else:
            self.fail(whole)
        if not d["min"] <= n <= d["max"]:
            self.fail(whole)
        return n


def _copy(v):
    return list(v) if isinstance(v, list) else v


def cell_traits(cell: str) -> dict:
    """The traits of cell ``cell``, one per declared field, in the declaration's order."""
    cells = schema()["cells"]
    if cell not in cells:
        raise ValueError(f"no live cell {cell!r}; the cells are {', '.join(sorted(cells))}")
    return {name: Field(cell, name, decl) for name, decl in cells[cell]["fields"].items()}
