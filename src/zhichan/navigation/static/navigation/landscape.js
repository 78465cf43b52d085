// A landscape's charts: each drawn from the option the server built when it scrolls into view, and each figure a
// link to its patents. On a phone the labels that would crowd are left out.
(function () {
  "use strict";
  if (!window.echarts) return;

  function narrow(option) {
    const axes = [].concat(option.xAxis || [], option.yAxis || []);
    axes.forEach(function (axis) {
      if (axis.type === "category") axis.axisLabel = Object.assign({}, axis.axisLabel, { width: 90, overflow: "truncate" });
      if (axis.type === "value") axis.splitNumber = 3;
    });
    (option.series || []).forEach(function (series) {
      if (series.type === "heatmap") series.label = { show: false };
    });
    if (option.visualMap) option.visualMap.show = false;  // its scale would sit on the years
  }

  function draw(box) {
    const source = document.getElementById(box.dataset.chart);
    if (!source || box.dataset.drawn) return;
    box.dataset.drawn = "1";
    const option = JSON.parse(source.textContent);
    // Drawn on the canvas: the default HTML tooltip sets inline styles the site's CSP refuses.
    option.tooltip = Object.assign({}, option.tooltip, { renderMode: "richText" });
    if (box.clientWidth < 576) narrow(option);
    const drawn = window.echarts.init(box);
    drawn.setOption(option);
    drawn.on("click", function (params) {
      const drill = params.data && params.data.drill;
      if (typeof drill === "string") window.location.href = box.dataset.drill + "?" + drill;
    });
    window.addEventListener("resize", function () { drawn.resize(); });
  }

  const boxes = document.querySelectorAll(".landscape-chart");
  if (!("IntersectionObserver" in window)) {
    boxes.forEach(draw);
    return;
  }
  const watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        draw(entry.target);
        watcher.unobserve(entry.target);
      }
    });
  }, { rootMargin: "200px" });
  boxes.forEach(function (box) { watcher.observe(box); });
})();
