/* Inside the widget's frame: tells the embedding page how tall the content is, as it changes. */
(function () {
  'use strict';
  if (window.parent === window) { return; }
  function report() {
    window.parent.postMessage({ type: 'pairaidance:height', height: document.documentElement.scrollHeight }, '*');
  }
  window.addEventListener('load', report);
  if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
  report();
})();
