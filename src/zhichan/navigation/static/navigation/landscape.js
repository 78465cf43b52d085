// A landscape's charts: each drawn from the option the server built, and each figure a link to its patents.
(function () {
  "use strict";
  if (!window.echarts) return;
  document.querySelectorAll(".landscape-chart").forEach(function (box) {
    const source = document.getElementById(box.dataset.chart);
    if (!source) return;
    const option = JSON.parse(source.textContent);
    // Drawn on the canvas: the default HTML tooltip sets inline styles the site's CSP refuses.
    option.tooltip = Object.assign({}, option.tooltip, { renderMode: "richText" });
    const drawn = window.echarts.init(box);
    drawn.setOption(option);
    drawn.on("click", function (params) {
      const drill = params.data && params.data.drill;
      if (drill !== undefined) window.location.href = box.dataset.drill + "?" + drill;
    });
    window.addEventListener("resize", function () { drawn.resize(); });
  });
})();
