"""``gradscope.Widget``: a live cell in Jupyter, on anywidget, its fields synced both ways."""
from __future__ import annotations

import anywidget
import traitlets

from ._schema import STATIC, cell_traits, options, schema

# The widget's own traits; a declared field may not take one of these names (or any attribute
# of the base class): checked when a cell's class is made.
_OWN = ("cell", "lock", "hide", "lang", "theme", "result", "notes", "fields", "state")


class _Names(traitlets.List):
    """A list of names, given as a list or a comma-separated string."""

    def validate(self, obj, value):
        if isinstance(value, str):
            value = [value]
        return super().validate(obj, value)


def check_names(cell: str, kind: str, names) -> list:
    """``lock`` names fields of the cell; ``hide`` names fields or parts (table, pytorch, …)."""
    if isinstance(names, str):
        names = [names]
    names = [n.strip() for part in names for n in part.replace(" ", ",").split(",") if n.strip()]
    fields = list(schema()["cells"][cell]["fields"])
    allowed = fields if kind == "lock" else fields + options()["parts"]
    for name in names:
        if name not in allowed:
            raise traitlets.TraitError(f"{kind}: {name!r} is not one of {', '.join(allowed)}")
    return names


def check_option(kind: str, value: str) -> str:
    """``lang`` is '' (the browser's) or a language; ``theme`` is '' (the reader's) or a theme."""
    allowed = options()["langs" if kind == "lang" else "themes"]
    if value not in ("", *allowed):
        raise traitlets.TraitError(f"{kind} must be '' or one of {', '.join(allowed)}; got {value!r}")
    return value


class Widget(anywidget.AnyWidget):
    """A gradscope cell. ``Widget(cell="gradients", depth=50, sigma=0.5, lock=["depth"])``.

    Every field the engine declares for the cell is a trait of the same name, default, range
    and choices; setting one redraws the widget, moving a control sets it, a bad value raises
    ``TraitError``. ``result`` holds the last computed numbers (for ``gradients``: the CLI's
    JSON, ``{"layers": [...], ...}``) once the widget has been displayed.
    """

    _esm = STATIC / "widget.js"

    cell = traitlets.Unicode("gradients", read_only=True).tag(sync=True)
    lock = _Names(traitlets.Unicode()).tag(sync=True)
    hide = _Names(traitlets.Unicode()).tag(sync=True)
    lang = traitlets.Unicode("").tag(sync=True)
    theme = traitlets.Unicode("").tag(sync=True)
    result = traitlets.Any(None, allow_none=True).tag(sync=True)
    # The element's notes (a value it clamped, an unknown name), as it shows them.
    notes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    # The cell's field names, for the front end (which sets them as the element's attributes).
    _fields = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)

    def __new__(cls, *args, cell: str | None = None, **kwargs):
        if cls is Widget:
            cls = widget_class(cell or "gradients")
        return super().__new__(cls)

    def __init__(self, *args, cell: str | None = None, **kwargs):
        if cell is not None and cell != self._cell:
            raise ValueError(f"{type(self).__name__} is the {self._cell} cell, not {cell!r}")
        unknown = [k for k in kwargs if not self.has_trait(k)]
        if unknown:
            raise TypeError(f"{self._cell} has no field {', '.join(unknown)}; its fields are {', '.join(self.fields)}")
        super().__init__(*args, **kwargs)

    @traitlets.validate("lock", "hide")
    def _check_names(self, proposal):
        return check_names(self._cell, proposal["trait"].name, proposal["value"])

    @traitlets.validate("lang", "theme")
    def _check_option(self, proposal):
        return check_option(proposal["trait"].name, proposal["value"])

    @property
    def fields(self) -> list:
        """The cell's declared fields, in order."""
        return list(schema()["cells"][self._cell]["fields"])

    @property
    def state(self) -> dict:
        """The cell's state by field name."""
        return {name: getattr(self, name) for name in self.fields}

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.state.items())
        return f"gradscope.Widget(cell={self._cell!r}, {args})"


_classes: dict = {}


def widget_class(cell: str) -> type:
    """The widget class of cell ``cell``: ``Widget`` with one trait per declared field."""
    if cell not in _classes:
        traits = cell_traits(cell)
        for name in traits:
            if name in _OWN or hasattr(Widget, name) or name.startswith("_"):
                raise RuntimeError(f"the field {cell}.{name} clashes with the widget's own attribute {name}")
        title = "".join(p.capitalize() for p in cell.replace("_", "-").split("-"))
        own = {
            "_cell": cell,
            "__module__": __name__,
            "cell": traitlets.Unicode(cell, read_only=True).tag(sync=True),
            "_fields": traitlets.List(traitlets.Unicode(), default_value=list(traits), read_only=True).tag(sync=True),
        }
        _classes[cell] = type(f"{title}Widget", (Widget,), {**own, **traits})
    return _classes[cell]
