/* Sortable tables for the briefing site: click a column heading to sort by it.
 *
 * Written for this project (no CDN, works offline). Applies to tables inside an element with
 * the class "briefing-sortable". Cells are compared as numbers when both look numeric,
 * otherwise as text (locale-aware). Only textContent is read and rows are moved, never
 * re-created, so no cell content is ever interpreted as HTML.
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

  function enable(root) {
    var tables = root.querySelectorAll(".briefing-sortable table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || table.getAttribute("data-sortable") === "on") {
        return;
      }
      table.setAttribute("data-sortable", "on");
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
