// The dashboards' charts: monthly trend lines with the target, and the township ranking as bars.
// Data comes from the json_script element "dashboard-data"; every chart can be saved as a PNG.
// Tooltips are drawn on the canvas (renderMode "richText"): ECharts' HTML tooltips carry inline styles, which the
// content security policy refuses.
(function () {
  var source = document.getElementById("dashboard-data");
  if (!source || typeof echarts === "undefined") return;
  var data = JSON.parse(source.textContent);
  var theme = data.dark ? "dark" : null;
  var charts = [];
  var toolbox = { feature: { saveAsImage: { title: data.saveLabel, pixelRatio: 2 } }, right: 4, top: 0 };

  function make(holder, option) {
    var chart = echarts.init(holder, theme);
    option.animation = false;
    if (data.dark) option.backgroundColor = "transparent";
    chart.setOption(option);
    charts.push(chart);
    var button = document.querySelector("[data-png='" + holder.id + "']");
    if (button) {
      button.addEventListener("click", function () {
        var link = document.createElement("a");
        link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: data.dark ? "#0b1530" : "#fff" });
        link.download = holder.id + ".png";
        link.click();
      });
    }
  }

  (data.trends || []).forEach(function (trend) {
    var holder = document.getElementById(trend.id);
    if (!holder) return;
    var line = { name: trend.name, type: "line", data: trend.values, symbolSize: 3, areaStyle: { opacity: 0.08 } };
    if (trend.target !== null) {
      line.markLine = {
        symbol: "none", silent: true, lineStyle: { type: "dashed", color: "#d9534f" },
        data: [{ yAxis: trend.target }], label: { formatter: data.targetLabel + " {c}", position: "insideEndTop" }
      };
    }
    make(holder, {
      toolbox: data.dark ? undefined : toolbox,
      tooltip: { trigger: "axis", renderMode: "richText" },
      grid: { left: 48, right: 16, top: 24, bottom: 22 },
      xAxis: { type: "category", data: trend.labels, axisLabel: { fontSize: 10 } },
      yAxis: { type: "value", scale: true, axisLabel: { fontSize: 10 }, max: function (v) { return trend.target !== null ? Math.max(v.max, trend.target) : v.max; } },
      series: [line]
    });
  });

  var ranking = data.ranking;
  var holder = ranking && document.getElementById(ranking.id);
  if (holder) {
    make(holder, {
      toolbox: data.dark ? undefined : toolbox,
      tooltip: { trigger: "axis", renderMode: "richText", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: ranking.unit, axisLabel: { fontSize: 10 } },
      yAxis: { type: "category", inverse: true, data: ranking.labels, axisLabel: { fontSize: 11, interval: 0 } },
      series: [{ name: ranking.name, type: "bar", data: ranking.values, label: { show: true, position: "right" }, itemStyle: { color: "#2f7ed8" } }]
    });
  }

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
