/* An import job's page: follows the job's progress without reloading, then shows its result. */
(function () {
  'use strict';
  var job = document.getElementById('import-job');
  if (!job || job.getAttribute('data-running') !== 'true') { return; }
  var bar = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  var polls = 0;
  function poll() {
    fetch(job.getAttribute('data-progress'), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (p.status !== 'RUNNING') { window.location.reload(); return; }
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
        bar.textContent = p.done + ' / ' + p.total;
        polls += 1;
        if (polls % 5 === 0) {
          // The live region speaks every five seconds, not at every step.
          status.textContent = status.getAttribute('data-template').replace('%done', p.done).replace('%total', p.total);
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
