// The 24-hour challenge chart: your share of logged time per category next to the benchmark.
// The figures come from the report table's data attributes (data-chart-row), so the table stays
// the source and the page reads fine without this file or without Chart.js.
(function () {
  'use strict';

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function number(raw) {
    return raw === undefined || raw === '' ? null : parseFloat(raw);
  }

  function percent(value) {
    return (Math.round(value * 10) / 10).toFixed(1) + '%';
  }

  function draw() {
    var canvas = document.getElementById('share-chart');
    if (!canvas || typeof window.Chart === 'undefined') {
      return;
    }
    var labels = [];
    var yours = [];
    var benchmark = [];
    document.querySelectorAll('[data-chart-row]').forEach(function (row) {
      labels.push(row.getAttribute('data-label'));
      yours.push(number(row.getAttribute('data-share')));
      benchmark.push(number(row.getAttribute('data-benchmark')));
    });
    var text = cssVar('--text', '#1d2430');
    var muted = cssVar('--muted', '#5b6675');
    var grid = cssVar('--border', '#e1e6ec');
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = muted;
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          {label: 'Your share', data: yours, backgroundColor: cssVar('--accent', '#0f766e'), borderRadius: 3},
          {label: 'Benchmark', data: benchmark, backgroundColor: cssVar('--chart-benchmark', '#b9c3cf'),
            borderRadius: 3}
        ]
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {beginAtZero: true, grid: {color: grid}, ticks: {callback: function (v) { return v + '%'; }}},
          y: {grid: {display: false}, ticks: {color: text}}
        },
        plugins: {
          legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12, color: text}},
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ': ' + (ctx.raw === null ? 'no benchmark' : percent(ctx.raw));
              }
            }
          }
        }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', draw);
}());
