// The widgets form, a little livelier where scripts run (the console's CSP allows its own files
// only, so this is a file and not an attribute): a changed option is sent at once by Faces Ajax
// to be tried on in the live preview (nothing is saved), and the accounts' arrows, Add and Remove
// redraw the list only, keeping the keyboard focus on the account moved. Without scripts the
// "Preview changes" button and full posts do the same.
(function () {
  'use strict';
  var form = document.getElementById('widget');
  if (!form || !window.faces || !faces.ajax) {
    return;
  }

  // A changed option presses the hidden "Preview changes" button, whose click goes by Ajax below.
  var tryOn = document.getElementById('widget:try-on');
  if (tryOn) {
    tryOn.hidden = true;
    form.addEventListener('change', function (event) {
      if (event.target.closest('#options')) {
        tryOn.click();
      }
    });
  }

  // Buttons that say what they redraw (data-render) are sent by Ajax: Faces takes a click of
  // the button as its action, and only that part of the page changes.
  form.addEventListener('click', function (event) {
    var button = event.target.closest('input[type=submit][data-render]');
    if (!button || button.disabled) {
      return;
    }
    event.preventDefault();
    var key = button.getAttribute('data-key');
    faces.ajax.request(button, event, {
      execute: '@form',
      render: button.getAttribute('data-render'),
      onevent: function (data) {
        if (data.status === 'success' && key) {
          refocus(key, key.substring(key.indexOf('-') + 1));
        }
      },
    });
  });

  /** The same button of the same account if it can still be pressed, else another of its own. */
  function refocus(key, account) {
    var candidates = [key, 'up-' + account, 'down-' + account, 'remove-' + account, 'add-' + account];
    for (var i = 0; i < candidates.length; i++) {
      var again = form.querySelector('[data-key="' + candidates[i] + '"]');
      if (again && !again.disabled) {
        again.focus();
        return;
      }
    }
  }
})();
