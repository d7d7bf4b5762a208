"""The Python side of the Jupyter widget: traits from the declaration, their checks, the iframe
helper. Runs against the installed package (the wheel), whose schema.json must equal the CLI's."""
import json
import math
import os
import subprocess
from pathlib import Path

import pytest
import traitlets

import gradscope
from gradscope import embed_url, iframe, schema, widget_class

REPO = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("GRADSCOPE_CLI", REPO / "target" / "debug" / "gradscope"))


def fmt(x):
    return f"{x:g}" if isinstance(x, float) else str(x)


def cells():
    return schema()["cells"]


def test_schema_is_the_clis():
    assert CLI.exists(), f"{CLI} is missing: cargo build -p gradscope-cli"
    cli = json.loads(subprocess.run([str(CLI), "schema", "--format", "json"], check=True, capture_output=True, text=True).stdout)
    assert schema() == cli


def test_package_is_installed_with_its_front_end():
    static = Path(gradscope.__file__).parent / "static"
    assert "site-packages" in str(static), "the tests run against the installed wheel"
    js = (static / "widget.js").read_text(encoding="utf-8")
    # One module: no import of a file beside it (anywidget loads it from a blob: URL).
    assert 'from"./' not in js and "from './" not in js and 'import("./' not in js
    assert "customElements.define" in js and "grad-scope" in js
    # The wasm is inside (base64), at least as large as the wasm's magic-number prefix says.
    assert len(js) > 300_000


@pytest.mark.parametrize("cell", sorted(json.loads((Path(gradscope.__file__).parent / "static" / "schema.json").read_text())["cells"]))
def test_traits_match_the_declaration(cell):
    cls = widget_class(cell)
    w = gradscope.Widget(cell=cell)
    assert isinstance(w, cls) and isinstance(w, gradscope.Widget) and w.cell == cell
    fields = cells()[cell]["fields"]
    assert w.fields == list(fields)
    for name, d in fields.items():
        trait = cls.class_traits()[name]
        assert trait.metadata.get("sync") is True, name
        assert getattr(w, name) == d["default"], name
        assert trait.help == d["doc"]
        t = d["type"]
        if t in ("int", "float"):
            setattr(w, name, d["min"])
            assert getattr(w, name) == d["min"]
            setattr(w, name, d["max"])
            assert getattr(w, name) == d["max"]
            step = 1 if t == "int" else max(1e-9, abs(d["max"]) * 1e-9)
            for bad in (d["min"] - step, d["max"] + step):
                with pytest.raises(traitlets.TraitError) as e:
                    setattr(w, name, bad)
                msg = str(e.value)
                assert f"{cell}.{name}" in msg and f"[{fmt(d['min'])}, {fmt(d['max'])}]" in msg, msg
            with pytest.raises(traitlets.TraitError):
                setattr(w, name, "1")
            with pytest.raises(traitlets.TraitError):
                setattr(w, name, True)
            if t == "float":
                with pytest.raises(traitlets.TraitError):
                    setattr(w, name, math.nan)
            else:
                with pytest.raises(traitlets.TraitError):
                    setattr(w, name, d["min"] + 0.5)
        elif t == "enum":
            for choice in d["choices"]:
                setattr(w, name, choice)
                assert getattr(w, name) == choice
            with pytest.raises(traitlets.TraitError) as e:
                setattr(w, name, "not-a-choice")
            assert f"{cell}.{name}" in str(e.value)
            assert all(repr(c) in str(e.value) for c in d["choices"])
        elif t == "bool":
            setattr(w, name, not d["default"])
            assert getattr(w, name) is (not d["default"])
            with pytest.raises(traitlets.TraitError):
                setattr(w, name, 1)
        elif t == "list":
            setattr(w, name, [d["min"]] * d["min_len"])
            setattr(w, name, [d["max"]] * d["max_len"])
            for bad in ([d["min"]] * (d["min_len"] - 1), [d["min"]] * (d["max_len"] + 1), [d["max"] + 1] * d["min_len"]):
                with pytest.raises(traitlets.TraitError) as e:
                    setattr(w, name, bad)
                assert f"{cell}.{name}" in str(e.value)
        else:
            pytest.fail(f"{cell}.{name}: an unknown type {t}")


def test_the_issue_example():
    w = gradscope.Widget(cell="gradients", depth=50, sigma=0.5, activation="sigmoid", lock=["depth"])
    assert (w.depth, w.sigma, w.activation, w.lock) == (50, 0.5, "sigmoid", ["depth"])
    assert w.result is None
    assert w.state["depth"] == 50
    assert w.get_state()["sigma"] == 0.5  # synced to the front end
    assert w.get_state()["_fields"] == list(cells()["gradients"]["fields"])


def test_a_bad_value_names_the_field_and_its_range():
    with pytest.raises(traitlets.TraitError, match=r"gradients\.depth must be a whole number in \[1, 200\] layers; got 500"):
        gradscope.Widget(depth=500)
    with pytest.raises(traitlets.TraitError, match=r"gradients\.sigma must be a number in \[0, 10\]"):
        gradscope.Widget(sigma=-1)
    w = gradscope.Widget()
    with pytest.raises(traitlets.TraitError, match=r"gradients\.activation must be one of 'sigmoid', 'tanh', 'relu', 'identity'"):
        w.activation = "swish"
    assert w.activation == "sigmoid"  # unchanged


def test_unknown_fields_cells_and_options():
    with pytest.raises(TypeError, match="no field depht"):
        gradscope.Widget(depht=3)
    with pytest.raises(ValueError, match="no live cell"):
        gradscope.Widget(cell="nope")
    with pytest.raises(traitlets.TraitError, match="lock: 'steps'"):
        gradscope.Widget(cell="gradients", lock=["steps"])
    w = gradscope.Widget(cell="product", lock="steps,sigma", hide=["table", "pytorch"], lang="vi", theme="projector")
    assert w.lock == ["steps", "sigma"] and w.hide == ["table", "pytorch"]
    with pytest.raises(traitlets.TraitError, match="hide: 'tabel'"):
        w.hide = ["tabel"]
    with pytest.raises(traitlets.TraitError, match="lang"):
        w.lang = "fr"
    with pytest.raises(traitlets.TraitError, match="theme"):
        w.theme = "neon"
    with pytest.raises(ValueError, match="not 'product'"):
        widget_class("gradients")(cell="product")


def test_result_is_observable():
    w = gradscope.Widget(depth=3)
    seen = []
    w.observe(lambda change: seen.append(change["new"]), "result")
    # What the front end sends after a compute (the comm's update message goes through set_state).
    w.set_state({"result": {"layers": [{"layer": 1, "grad_norm": 0.25}]}})
    assert seen == [{"layers": [{"layer": 1, "grad_norm": 0.25}]}]
    assert w.result["layers"][0]["grad_norm"] == 0.25


def test_a_value_from_the_front_end_is_checked_too():
    w = gradscope.Widget()
    w.set_state({"sigma": 2.0})
    assert w.sigma == 2.0
    with pytest.raises(traitlets.TraitError):
        w.set_state({"sigma": 99})


def test_iframe_url():
    url = embed_url("https://example.org/gradscope/", cell="product", steps=60, sigma=1.0, lock=["steps"], hide="table", lang="vi", theme="projector")
    # sigma=1 is the product cell's default: not written; keys are the site's URL keys.
    prefix = cells()["product"]["prefix"]
    key = cells()["product"]["fields"]["steps"]["key"]
    assert cells()["product"]["fields"]["sigma"]["default"] == 1
    assert url == f"https://example.org/gradscope/embed.html#cell=product&{prefix}.{key}=60&lock=steps&hide=table&lang=vi&theme=projector"
    assert embed_url("https://h/g", depth=50, sigma=0.5, activation="relu", backward=False) == (
        "https://h/g/embed.html#cell=gradients&depth=50&sigma=0.5&act=relu&bwd=0"
    )
    assert embed_url("https://h/g/embed.html", cell="xavier", widths=[4, 8, 2]) == "https://h/g/embed.html#cell=xavier&xav.w=4,8,2"
    frame = iframe("https://h/g/", depth=50, height=500)
    assert frame.src == "https://h/g/embed.html#cell=gradients&depth=50"
    assert frame.height == 500 and "embed.html" in frame._repr_html_()
    with pytest.raises(traitlets.TraitError, match="gradients.depth"):
        iframe("https://h/g/", depth=0)
    with pytest.raises(TypeError, match="no field"):
        iframe("https://h/g/", steps=3)


def test_the_example_notebook_runs_its_gradscope_lines():
    """examples/jupyter/initialization.ipynb: valid nbformat 4, and its widget and iframe cells run."""
    nb = json.loads((REPO / "examples" / "jupyter" / "initialization.ipynb").read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert any("import torch" in s for s in sources), "the book's PyTorch experiment comes first"
    ns = {}
    ran = 0
    for src in sources:
        if "gradscope." in src and "torch" not in src:
            exec(compile(src, "initialization.ipynb", "exec"), ns)
            ran += 1
    assert ran >= 2
    w = ns["w"]
    assert (w.depth, w.sigma, w.activation, w.lock) == (50, 0.5, "sigmoid", ["depth"])
    assert any("w.result" in s for s in sources) and any('w.observe(' in s for s in sources)
