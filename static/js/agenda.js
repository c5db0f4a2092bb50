// Run-of-show editor: drag rows to reorder (SortableJS). Everything else is htmx
// attributes; the up/down buttons and every form also work without this file.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function initSortable(root) {
    if (typeof window.Sortable === "undefined" || !window.htmx) {
      return;
    }
    root.querySelectorAll("[data-agenda-sortable]").forEach(function (tbody) {
      if (tbody.dataset.sortableReady) {
        return;
      }
      tbody.dataset.sortableReady = "1";
      tbody.querySelectorAll(".agenda-grip").forEach(function (grip) {
        grip.title = tbody.dataset.dragHint;
      });
      window.Sortable.create(tbody, {
        draggable: "tr.agenda-row",
        handle: ".agenda-grip",
        animation: 150,
        onEnd: function (event) {
          if (event.oldDraggableIndex === event.newDraggableIndex) {
            return;
          }
          var row = event.item;
          // The table's form takes the move (its ↑ ↓ post there too); only the row
          // and its new place are sent (the CSRF header comes from <body>).
          window.htmx.ajax("POST", document.getElementById("agenda-rows").getAttribute("action"), {
            source: row,
            target: "#agenda-table",
            swap: "outerHTML",
            values: { session: row.id.replace(/^session-/, ""), position: event.newDraggableIndex + 1 },
          });
        },
      });
    });
  }

  // A changed minutes field submits the table's form after a short pause, so a few
  // quick changes (the number field's arrows) go as one save; Enter submits at once.
  var pendingSave = null;
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("input[form='agenda-rows']")) {
      return;
    }
    clearTimeout(pendingSave);
    pendingSave = setTimeout(function () {
      var form = document.getElementById("agenda-rows");
      if (form) {
        form.requestSubmit();
      }
    }, 300);
  });
  document.addEventListener(
    "submit",
    function (event) {
      if (event.target.id === "agenda-rows") {
        clearTimeout(pendingSave);
      }
    },
    true
  );

  // Keep keyboard focus on the same control (same id) after the table is swapped.
  var focusedId = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    focusedId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!focusedId) {
      return;
    }
    var again = document.getElementById(focusedId);
    if (again && document.activeElement !== again) {
      if (again.disabled) {
        var row = again.closest("tr");
        again = row ? row.querySelector("button:not([disabled])") : null;
      }
      if (again) {
        again.focus();
      }
    }
  });

  // A row's "more" link opens its menu under the row; followed again, or its Close
  // button, closes it without a request.
  function menuFor(link) {
    return document.getElementById(link.id.replace(/^more-/, "session-") + "-menu");
  }
  function closeMenu(link) {
    var menu = menuFor(link);
    if (menu) {
      menu.remove();
    }
    link.setAttribute("aria-expanded", "false");
  }
  function initMenus(root) {
    root.querySelectorAll("a.agenda-more").forEach(function (link) {
      link.setAttribute("aria-expanded", menuFor(link) ? "true" : "false");
    });
    if (root.matches && root.matches("tr.agenda-menu-row")) {
      var opener = document.getElementById(root.id.replace(/^session-(\d+)-menu$/, "more-$1"));
      if (opener) {
        opener.setAttribute("aria-expanded", "true");
      }
    }
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var link = event.detail.elt;
    if (link.matches && link.matches("a.agenda-more") && menuFor(link)) {
      event.preventDefault();
      closeMenu(link);
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-menu-close]") : null;
    var link = button && document.getElementById(button.dataset.menuClose);
    if (link) {
      closeMenu(link);
      link.focus();
    }
  });

  // Forms marked data-reset-on-success are emptied after a successful htmx post.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.matches && form.matches("form[data-reset-on-success]")) {
      form.reset();
    }
  });

  // The print view's "Print" button (shown only when this script runs).
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });

  function ready() {
    document.querySelectorAll("[data-print][hidden]").forEach(function (button) {
      button.hidden = false;
    });
    if (window.htmx) {
      // The table's boosted forms and links swap in place: the page keeps its scroll.
      window.htmx.config.scrollIntoViewOnBoost = false;
      window.htmx.onLoad(initSortable);
      window.htmx.onLoad(initMenus);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
