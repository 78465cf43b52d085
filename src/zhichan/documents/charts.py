"""Charts drawn on the server for documents: an ECharts option (the same the pages draw in the browser) as SVG, by
ECharts' own server-side rendering, and as PNG (for Word), by resvg, with the system's fonts so that Chinese labels
are drawn.

Starting Node and loading ECharts costs about half a second, so `render` draws every chart of a document in one
Node process (charts.js): the options go in as JSON on stdin, each chart comes back as a JSON line on stdout, and
`progress(done, total, message)` is told as each arrives. The options are made fit for a still picture first
(`still`): no animation, no tooltip or other interaction, no data a page keeps for its links (`drill`), nothing
that would be a function in the browser.

Fonts: Latin letters and digits in Liberation Sans (ECharts measures text on the server with Helvetica's widths,
which Liberation Sans has), Chinese in Noto Sans CJK SC (Debian: fonts-noto-cjk, as for the PDFs, pdf.py). resvg
reads the whole of a font for every piece of text it draws, which for a 20 MB CJK collection is some ten
milliseconds a label; so the CJK font is cut down with fontTools (WeasyPrint's) to the characters the charts use.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

SCRIPT = Path(__file__).with_name("charts.js")
WIDTH, HEIGHT = 800, 450  # px: the chart as laid out; the PNG is drawn SCALE times larger
SCALE = 2
LATIN, CJK = "Liberation Sans", "Noto Sans CJK SC"
TIMEOUT = 300  # s, for every chart of a document

DROPPED_KEYS = {"drill", "tooltip", "toolbox", "dataZoom", "brush", "axisPointer", "renderItem", "valueFormatter"}
INTERACTIVE = {"roam": False, "hoverAnimation": False}
NETWORK_NAMED = 40  # nodes of a network named in a picture
FUNCTION_TEXT = re.compile(r"^\s*(function\s*\w*\s*\(|(\([\w\s,]*\)|\w+)\s*=>)")


class ChartError(RuntimeError):
    """Charts cannot be drawn on this server: what is missing, in the reader's language."""


@dataclass
class Chart:
    svg: str = ""
    png: bytes = b""
    width: int = WIDTH  # px, as laid out
    height: int = HEIGHT
    error: str = ""  # why this chart could not be drawn (the others are)

    @property
    def drawn(self) -> bool:
        return not self.error and bool(self.svg)


def still(option, *, family: str = f"{LATIN}, {CJK}, sans-serif") -> dict:
    """The option for a picture: the page's links, interactions and animations removed, the fonts named."""
    cleaned = _cleaned(option)
    if not isinstance(cleaned, dict):
        return {}
    cleaned["animation"] = False
    cleaned.setdefault("backgroundColor", "#ffffff")
    cleaned["textStyle"] = {**(cleaned.get("textStyle") or {}), "fontFamily": family}
    for legend in _as_list(cleaned.get("legend")):
        if isinstance(legend, dict) and legend.get("type") == "scroll":
            legend["type"] = "plain"  # a picture shows every name, not the first page of them
    for scale in _as_list(cleaned.get("visualMap")):
        if isinstance(scale, dict) and "min" in scale and "max" in scale and not scale.get("pieces"):
            # The handles a reader drags on the page, whose numbers would fall on the axis: the ends in words.
            scale["calculable"] = False
            scale.setdefault("text", [str(scale["max"]), str(scale["min"])])
    for series in _as_list(cleaned.get("series")):
        if isinstance(series, dict) and series.get("type") == "graph" and series.get("layout") == "force":
            # Laid out to the end at once: otherwise the layout goes on in timers after the picture is taken.
            series["force"] = {**(series.get("force") or {}), "layoutAnimation": False}
            _fit_network(series)
    return cleaned


def _fit_network(series: dict):
    """A network of many nodes, which a reader would zoom and pan on the page, drawn whole: smaller, with the
    names of its largest nodes only."""
    nodes = [node for node in _as_list(series.get("data")) if isinstance(node, dict)]
    if len(nodes) <= NETWORK_NAMED:
        return
    series["zoom"] = max(0.3, (NETWORK_NAMED / len(nodes)) ** 0.5)
    named = sorted(
        nodes, key=lambda node: -(node.get("value") or 0) if isinstance(node.get("value"), int | float) else 0
    )
    for node in named[NETWORK_NAMED:]:
        node["label"] = {**(node.get("label") or {}), "show": False}


def _cleaned(value):
    """Lists keep their length (a category's place is its meaning); in objects, what a picture has no use for is
    left out."""
    if isinstance(value, dict):
        return {
            key: INTERACTIVE[key] if key in INTERACTIVE else _cleaned(item)
            for key, item in value.items()
            if key not in DROPPED_KEYS and not callable(item) and not _function_text(item)
        }
    if isinstance(value, list | tuple):
        return [_cleaned(item) for item in value]
    return value


def _function_text(value) -> bool:
    """A function written as text (`function (p) {…}`, `p => …`): the browser's to run, never a picture's."""
    return isinstance(value, str) and FUNCTION_TEXT.match(value) is not None


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    return [value] if value else []


def node() -> str:
    """Node's command, or ChartError when the server has none."""
    found = shutil.which(getattr(settings, "NODE_COMMAND", "") or "node")
    if not found:
        raise ChartError(_("Charts cannot be drawn: Node.js (the command node) is not installed on the server."))
    return found


def node_modules() -> Path:
    return Path(getattr(settings, "NODE_MODULES", "") or settings.PROJECT_DIR / "node_modules")


@dataclass(frozen=True)
class _Font:
    file: str
    index: int
    family: str


@cache
def _system_font(family: str) -> _Font | None:
    """The file fontconfig draws `family` with, when it is that family (not a substitute)."""
    command = shutil.which("fc-match")
    if not command:
        return None
    try:
        found = subprocess.run(
            [command, "--format=%{file}|%{index}|%{family[0]}", family],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    file, _sep, rest = found.partition("|")
    index, _sep, name = rest.partition("|")
    if name.strip() != family or not Path(file).is_file():
        return None
    return _Font(file, int(index or 0), family)


def _subset(font: _Font, text: str, folder: Path) -> str:
    """The font cut down to the characters of `text` (and ASCII), as a file in `folder`; the whole font's file
    when fontTools cannot cut it."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        loaded = TTFont(font.file, fontNumber=font.index, lazy=True)
        options = subset.Options()
        options.name_IDs = ["*"]  # keeps the family name the SVG asks for
        options.hinting = False
        options.layout_features = []  # no substitutions: their closure brings in thousands of glyphs
        cutter = subset.Subsetter(options)
        cutter.populate(text="".join(sorted(set(text))) + "".join(chr(c) for c in range(32, 127)))
        cutter.subset(loaded)
        path = folder / "cjk.otf"
        loaded.save(str(path))
        return str(path)
    except Exception:  # noqa: BLE001 — any failure only makes the drawing slower
        return font.file


def render(options: list[dict], *, width: int = WIDTH, height: int = HEIGHT, png: bool = True, progress=None):
    """Each option drawn, in order, as a Chart (SVG, and PNG unless `png` is False); a chart ECharts cannot draw
    comes back with its `error`. Raises ChartError when Node or its packages are missing."""
    if not options:
        return []
    command = node()
    latin, cjk = _system_font(LATIN), _system_font(CJK)
    families = [font.family for font in (latin, cjk) if font is not None]
    stills = [still(option, family=", ".join([*families, "sans-serif"])) for option in options]
    with tempfile.TemporaryDirectory(prefix="zhichan-charts-") as folder:
        files = [latin.file] if latin else []
        if cjk and png:
            used = {c for c in json.dumps(stills, ensure_ascii=False) if ord(c) > 127}
            files.append(_subset(cjk, "".join(used), Path(folder)))
        request = {
            "charts": [{"option": option, "width": width, "height": height} for option in stills],
            "png": png,
            "scale": SCALE,
            "fontFiles": files,
            "family": cjk.family if cjk else "",
        }
        return _run(command, request, width, height, progress)


def _run(command: str, request: dict, width: int, height: int, progress) -> list[Chart]:
    total = len(request["charts"])
    found = [Chart(width=width, height=height, error=_("The chart was not drawn.")) for _index in range(total)]
    env = {**os.environ, "NODE_PATH": str(node_modules())}
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [command, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=env
        )
        stop = threading.Timer(TIMEOUT, process.kill)  # a chart that never ends ends the process
        stop.start()
        try:
            # charts.js reads the whole request before it writes anything: writing it all first cannot block.
            process.stdin.write(json.dumps(request, ensure_ascii=False).encode())
            process.stdin.close()
            for done, line in enumerate(process.stdout, start=1):
                answer = json.loads(line)
                found[answer["index"]] = Chart(
                    svg=answer.get("svg", ""),
                    png=base64.b64decode(answer["png"]) if answer.get("png") else b"",
                    width=width,
                    height=height,
                    error=answer.get("error", ""),
                )
                if progress:
                    progress(done, total, "")
            status = process.wait()
        except (OSError, ValueError) as exc:
            process.kill()
            process.wait()
            raise ChartError(_("Charts cannot be drawn: %(error)s") % {"error": _tail(errors) or exc}) from exc
        finally:
            stop.cancel()
        if status != 0:
            raise ChartError(_("Charts cannot be drawn: %(error)s") % {"error": _tail(errors) or status})
    return found


def _tail(errors) -> str:
    errors.seek(0)
    return errors.read().decode(errors="replace").strip()[-500:]
