// The survey page's chart: the county's index by year beside the national and Fujian scores.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("trend-data").textContent);
  const box = document.getElementById("satisfaction-trend");
  if (!box || !window.echarts) return;
  const drawn = window.echarts.init(box);
  drawn.setOption({
    // Drawn on the canvas: the default HTML tooltip sets inline styles the site's CSP refuses.
    tooltip: { trigger: "axis", renderMode: "richText" },
    legend: { top: 0 },
    grid: { left: 40, right: 12, top: 32, bottom: 28 },
    xAxis: { type: "category", data: data.years },
    yAxis: { type: "value", min: 60, max: 100 },
    series: data.series.map((s) => ({ name: s.name, type: "line", data: s.values, connectNulls: true })),
  });
  window.addEventListener("resize", () => drawn.resize());
})();
