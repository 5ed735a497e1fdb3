/*
 * The console's only script, loaded from its own origin (the Content Security Policy allows no
 * inline script). Without it every page still works: times stay in UTC and the address warning
 * stays up.
 */
(function () {
  'use strict';

  // Moments: <time datetime="ISO" data-style="absolute|relative|both">, written by the server in
  // UTC, rewritten here in the admin's time zone and language.
  var absolute = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  var relative = typeof Intl.RelativeTimeFormat === 'function'
    ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
    : null;
  var units = [
    ['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400],
    ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]
  ];

  function fromNow(date) {
    var seconds = (date.getTime() - Date.now()) / 1000;
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || units[i][0] === 'second') {
        return relative.format(Math.round(seconds / units[i][1]), units[i][0]);
      }
    }
    return '';
  }

  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (isNaN(date.getTime())) {
      return;
    }
    var text = absolute.format(date);
    var style = element.getAttribute('data-style');
    element.title = text;
    if (style === 'relative' && relative) {
      element.textContent = fromNow(date);
    } else if (style === 'both' && relative) {
      element.textContent = text + ' (' + fromNow(date) + ')';
    } else {
      element.textContent = text;
    }
  });

  // The server warns when the request's host is not the public URL's; behind a proxy that
  // rewrites the Host header it may be wrong. The browser knows the address it really uses.
  var warning = document.getElementById('other-address');
  if (warning && warning.getAttribute('data-public-origin') === window.location.origin) {
    warning.parentNode.removeChild(warning);
  }
}());
