// The budget page's charts: per scheme, by purpose, the budget, what is approved and what is paid.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("budget-data").textContent);
  for (const chart of data) {
    const box = document.getElementById(chart.id);
    if (!box || !window.echarts) continue;
    const drawn = window.echarts.init(box);
    drawn.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 12, top: 32, bottom: 56 },
      xAxis: { type: "category", data: chart.purposes, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: "value" },
      series: chart.series.map((s) => ({ name: s.name, type: "bar", data: s.values })),
    });
    window.addEventListener("resize", () => drawn.resize());
  }
})();
