// The Team page's trend: customer-facing share (line) and late signals (bars) per ISO week. The
// figures come from the trend table's data attributes (data-trend-row), so the table stays the
// source and the page reads fine without this file or without Chart.js.
(function () {
  'use strict';

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function number(raw) {
    return raw === undefined || raw === null || raw === '' ? null : parseFloat(raw);
  }

  function draw() {
    var canvas = document.getElementById('trend-chart');
    if (!canvas || typeof window.Chart === 'undefined') {
      return;
    }
    var labels = [];
    var share = [];
    var lateExternal = [];
    var lateInternal = [];
    document.querySelectorAll('[data-trend-row]').forEach(function (row) {
      labels.push(row.getAttribute('data-label'));
      share.push(number(row.getAttribute('data-share')));
      lateExternal.push(number(row.getAttribute('data-late-external')));
      lateInternal.push(number(row.getAttribute('data-late-internal')));
    });
    var text = cssVar('--text', '#1d2430');
    var muted = cssVar('--muted', '#5b6675');
    var grid = cssVar('--border', '#e1e6ec');
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = muted;
    new window.Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          {type: 'line', label: 'Customer-facing share', data: share, yAxisID: 'share', spanGaps: true,
            borderColor: cssVar('--accent', '#0f766e'), backgroundColor: cssVar('--accent', '#0f766e'), tension: 0.2},
          {type: 'bar', label: 'Late signals, external', data: lateExternal, yAxisID: 'late', stack: 'late',
            backgroundColor: cssVar('--warn', '#b45309'), borderRadius: 3},
          {type: 'bar', label: 'Late signals, internal', data: lateInternal, yAxisID: 'late', stack: 'late',
            backgroundColor: cssVar('--chart-benchmark', '#b9c3cf'), borderRadius: 3}
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          share: {position: 'left', beginAtZero: true, grid: {color: grid},
            ticks: {callback: function (v) { return v + '%'; }}},
          late: {position: 'right', beginAtZero: true, stacked: true, grid: {display: false},
            ticks: {precision: 0}},
          x: {stacked: true, grid: {display: false}, ticks: {color: text}}
        },
        plugins: {
          legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12, color: text}}
        }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', draw);
}());
