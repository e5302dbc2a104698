/*
 * The peer-help search widget for job portals. Embed it with one line:
 *   <script src="https://<orientation site>/embed.js" data-key="<your key>" data-area="ze:8421" async></script>
 * Optional: data-domain (a lived-experience domain code), data-lang (fr or en), data-colour (rrggbb, kept
 * only when it has AA contrast on white), data-title (the frame's accessible name).
 * It adds an iframe of the widget after the script tag and keeps the frame as tall as its content.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) { return; }
  var base = new URL(script.src).origin;
  var params = new URLSearchParams();
  ['key', 'area', 'domain', 'colour'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value) { params.set(name, value); }
  });
  var frame = document.createElement('iframe');
  frame.src = base + '/embed/search?' + params.toString();
  frame.title = script.getAttribute('data-title') || 'Trouver un pair-aidant labellisé';
  frame.setAttribute('loading', 'lazy');
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.minHeight = '20rem';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== base || event.source !== frame.contentWindow) { return; }
    var data = event.data;
    if (data && data.type === 'pairaidance:height' && typeof data.height === 'number') {
      frame.style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
