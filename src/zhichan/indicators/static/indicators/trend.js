// The monthly trend of an indicator for one region, with its target and the fitted forecast line.
(function () {
  var holder = document.getElementById("trend");
  var source = document.getElementById("trend-data");
  if (!holder || !source || typeof echarts === "undefined") return;
  var data = JSON.parse(source.textContent);
  var series = [{ name: data.name, type: "line", data: data.values, connectNulls: false, symbolSize: 4 }];
  if (data.forecast && data.forecast.length) {
    series.push({ name: data.forecastLabel, type: "line", data: data.forecast, lineStyle: { type: "dashed" }, symbol: "none" });
  }
  if (data.target !== null) {
    series[0].markLine = { symbol: "none", data: [{ yAxis: data.target, name: data.targetLabel }], label: { formatter: data.targetLabel + " {c}" } };
  }
  var chart = echarts.init(holder);
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis", renderMode: "richText" },
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 30, bottom: 30 },
    xAxis: { type: "category", data: data.labels },
    yAxis: { type: "value", scale: true },
    series: series
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
