// Small enhancements on top of plain forms; every page works without this file.
(function () {
  'use strict';

  // After a swap or a page with validation messages, move focus to the result so keyboard and
  // screen-reader users land where something changed.
  function focusMarked() {
    var el = document.querySelector('[data-autofocus]:not([data-focused])');
    if (el) {
      el.setAttribute('data-focused', '');
      if (!el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '-1');
      }
      el.focus();
    }
  }

  function banner(message) {
    var main = document.getElementById('main');
    if (!main) {
      return;
    }
    var p = document.createElement('p');
    p.className = 'alert alert-error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    main.insertBefore(p, main.firstChild);
  }

  // On a phone the section links scroll sideways: bring the current one into view.
  function showCurrentSection() {
    var current = document.querySelector('.nav [aria-current="page"]');
    var nav = current && current.parentElement;
    if (nav && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = Math.max(0, current.offsetLeft - nav.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2);
    }
  }

  document.addEventListener('DOMContentLoaded', focusMarked);
  document.addEventListener('DOMContentLoaded', showCurrentSection);
  document.addEventListener('htmx:afterSettle', focusMarked);

  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    banner(status === 403
      ? 'Your role cannot change this, or the page has expired. Reload the page and try again.'
      : 'That did not work (error ' + status + '). Reload the page and try again.');
  });
  document.addEventListener('htmx:sendError', function () {
    banner('Rapport could not be reached. Check your connection and try again.');
  });

  // "Copy" buttons next to a read-only field, e.g. a new API token.
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = 'Copied';
    }, function () {
      field.select();
    });
  });
}());
