/* Sortable, filterable tables for the briefing site: click a column heading to sort by it,
 * type in the box above a table to show only the rows that contain every word typed.
 *
 * Written for this project (no CDN, works offline). Applies to tables inside an element with
 * the class "briefing-sortable". Cells are compared as numbers when both look numeric,
 * otherwise as text (locale-aware). Only textContent is read and rows are moved or hidden,
 * never re-created, so no cell content is ever interpreted as HTML. Long tables are paged by
 * the generator, so a filter works on the rows of the page it is on.
 */
(function () {
  "use strict";

  function cellValue(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a);
    var y = parseFloat(b);
    if (/^-?\d/.test(a) && /^-?\d/.test(b) && !isNaN(x) && !isNaN(y) && x !== y) {
      return x - y;
    }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortTable(table, column, header) {
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var result = compare(cellValue(r1, column), cellValue(r2, column));
      return ascending ? result : -result;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  /* Lower-cased text of each row, read once per table (rows are only moved, never changed). */
  function rowTexts(table) {
    if (!table.briefingRowTexts) {
      table.briefingRowTexts = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
        return [row, row.textContent.toLowerCase()];
      });
    }
    return table.briefingRowTexts;
  }

  function filterTable(table, query, status) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = rowTexts(table);
    var shown = 0;
    rows.forEach(function (entry) {
      var match = words.every(function (word) {
        return entry[1].indexOf(word) !== -1;
      });
      entry[0].hidden = !match;
      shown += match ? 1 : 0;
    });
    status.textContent = words.length ? shown + " of " + rows.length + " rows" : "";
  }

  function addFilter(table) {
    if (!table.tBodies[0] || table.tBodies[0].rows.length < 2) {
      return;
    }
    var box = document.createElement("div");
    box.className = "briefing-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter rows";
    input.setAttribute("aria-label", "Show only the rows of this table that contain these words");
    var status = document.createElement("span");
    status.className = "briefing-filter-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(input);
    box.appendChild(status);
    /* Above Material's scroll wrappers, if its script has already added them. */
    var wrapper = table;
    while (/md-typeset__(table|scrollwrap)/.test(wrapper.parentNode.className)) {
      wrapper = wrapper.parentNode;
    }
    wrapper.parentNode.insertBefore(box, wrapper);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        filterTable(table, input.value, status);
      }, 120);
    });
  }

  function enable(root) {
    var tables = root.querySelectorAll(".briefing-sortable table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || table.getAttribute("data-sortable") === "on") {
        return;
      }
      table.setAttribute("data-sortable", "on");
      addFilter(table);
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.setAttribute("tabindex", "0");
        th.setAttribute("title", "Sort by this column");
        th.addEventListener("click", function () {
          sortTable(table, column, th);
        });
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            sortTable(table, column, th);
          }
        });
      });
    });
  }

  /* Material's instant navigation (if a user enables it) publishes page changes on document$. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () {
      enable(document);
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enable(document);
    });
  } else {
    enable(document);
  }
})();
