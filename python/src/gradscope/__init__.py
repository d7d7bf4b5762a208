"""gradscope's live cells in Jupyter.

``gradscope.Widget(cell="gradients", depth=50, sigma=0.5)`` is a live widget (a kernel is
needed); ``gradscope.iframe(url, cell="gradients", depth=50)`` is a static ``IFrame`` of the
site's ``embed.html``, for exports and viewers without widget state.
"""
from __future__ import annotations

from urllib.parse import quote

from ._schema import cell_traits, options, schema
from ._widget import Widget, check_names, check_option, widget_class

__all__ = ["Widget", "iframe", "embed_url", "schema", "widget_class", "CELLS"]
__version__ = "0.1.0"

CELLS = tuple(schema()["cells"])


def _encode(trait, value) -> str:
    """A field's value as the site's URL writes it (state.js `encode`)."""
    t = trait.decl["type"]
    if t == "bool":
        return "1" if value else "0"
    if t == "list":
        return ",".join(str(v) for v in value)
    if t == "float":
        return repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(float(value))
    return str(value)


def embed_url(url: str, cell: str = "gradients", lock=(), hide=(), lang: str = "", theme: str = "", **state) -> str:
    """The URL of ``embed.html`` at site ``url`` showing ``cell`` with ``state`` (by field name).

    Every value is checked as the widget's traits check it (a bad one raises ``TraitError``);
    only values that differ from the declared default are written.
    """
    traits = cell_traits(cell)
    prefix = schema()["cells"][cell]["prefix"]
    unknown = [k for k in state if k not in traits]
    if unknown:
        raise TypeError(f"{cell} has no field {', '.join(unknown)}; its fields are {', '.join(traits)}")
    params = [("cell", cell)]
    for name, trait in traits.items():
        if name not in state:
            continue
        value = trait.validate(None, state[name])
        if value == trait.decl["default"]:
            continue
        key = trait.decl["key"]
        params.append((f"{prefix}.{key}" if prefix else key, _encode(trait, value)))
    for name, names in (("lock", lock), ("hide", hide)):
        names = check_names(cell, name, names)
        if names:
            params.append((name, ",".join(names)))
    for name, value in (("lang", lang), ("theme", theme)):
        if check_option(name, value):
            params.append((name, value))
    base = url if url.endswith("/") or url.endswith(".html") else url + "/"
    if not base.endswith(".html"):
        base += "embed.html"
    return base + "#" + "&".join(f"{quote(k, safe='.')}={quote(v, safe=',.-')}" for k, v in params)


def iframe(url: str, cell: str = "gradients", width="100%", height: int = 640, **state):
    """An IPython ``IFrame`` of the site's ``embed.html`` at ``url`` with that cell and state.

    For nbconvert/HTML exports and notebook viewers that drop widget state: the iframe loads the
    cell from the site, so it works without a kernel. ``lock``, ``hide``, ``lang`` and ``theme``
    are accepted as by ``Widget``.
    """
    from IPython.display import IFrame

    return IFrame(embed_url(url, cell=cell, **state), width=width, height=height)
