// Charts drawn on the server for documents (charts.py starts this once for many charts).
//
// Reads one JSON object on stdin: {"charts": [{"option": {...}, "width": 800, "height": 450}, ...],
// "png": true, "scale": 2, "fontFiles": ["/usr/share/fonts/.../NotoSansCJK-Regular.ttc"], "family": "Noto Sans CJK SC"}
// and writes one JSON line per chart on stdout, in order: {"index": 0, "svg": "<svg…>", "png": "<base64>"} or
// {"index": 0, "error": "…"}. Each option is drawn with ECharts' server-side SVG renderer (no DOM, no canvas), and
// the SVG turned into a PNG by resvg with the CJK fonts given, so that Chinese labels are drawn.
// A missing package ends the process with status 3 and the package's name on stderr.
"use strict";

function need(name) {
  try {
    return require(name);
  } catch (error) {
    process.stderr.write(`missing module ${name}: run \`npm ci\` in the project's folder (${error.message})\n`);
    process.exit(3);
  }
}

const echarts = need("echarts");

function svgOf(option, width, height) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: width, height: height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function written(line) {
  // Waits until the line has gone out: a pipe's writes are queued until the event loop runs, so without waiting
  // every chart would reach the reader only once the last is drawn, and progress could not be told.
  return new Promise(function (resolve) { process.stdout.write(line, resolve); });
}

async function main(request) {
  const wantPng = request.png !== false;
  const Resvg = wantPng ? need("@resvg/resvg-js").Resvg : null;
  const fontFiles = request.fontFiles || [];
  const font = {
    loadSystemFonts: fontFiles.length === 0, // the system's fonts only when none were given: slower
    fontFiles: fontFiles,
    defaultFontFamily: request.family || "",
    sansSerifFamily: request.family || "",
    serifFamily: request.family || "",
  };
  const charts = request.charts || [];
  for (let index = 0; index < charts.length; index += 1) {
    const item = charts[index];
    const answer = { index: index };
    try {
      answer.svg = svgOf(item.option || {}, item.width || 800, item.height || 450);
      if (wantPng) {
        const image = new Resvg(answer.svg, {
          fitTo: { mode: "zoom", value: request.scale || 2 },
          background: "#ffffff",
          font: font,
          logLevel: "off",
        });
        answer.png = image.render().asPng().toString("base64");
      }
    } catch (error) {
      answer.error = String((error && error.message) || error);
      delete answer.svg;
    }
    await written(JSON.stringify(answer) + "\n");
  }
}

const chunks = [];
process.stdin.on("data", function (chunk) { chunks.push(chunk); });
process.stdin.on("end", function () {
  let request;
  try {
    request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    process.stderr.write(`the request is not JSON: ${error.message}\n`);
    process.exit(2);
  }
  main(request).catch(function (error) {
    process.stderr.write(`${(error && error.stack) || error}\n`);
    process.exit(1);
  });
});
