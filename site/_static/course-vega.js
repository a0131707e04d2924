/* Draws every chart of a page with the bundled vega-embed (see site/_ext/course_site).
 *
 * Each chart is a <div class="course-vega"> holding its Vega-Lite spec as JSON, an empty
 * <div class="course-vega-live"> to draw into and the stored SVG copy. The copy is removed
 * once the live chart has drawn; if vega-embed is missing or the spec fails, it stays.
 * data-drawn on the block says which: "true" or "failed".
 *
 * A chart wider than the column is scaled down to fit, but never below MIN_SCALE of its
 * size (its labels would become unreadable); past that the block scrolls sideways.
 */
(function () {
  "use strict";
  var MIN_SCALE = 0.8;
  var ACTIONS_WIDTH = 38; // vega-embed's "…" menu beside the chart
  var OPTIONS = {
    renderer: "svg",
    // export as SVG/PNG only: "view source" and "open in the Vega editor" would leave the page
    actions: { export: true, source: false, compiled: false, editor: false },
  };

  function fit(block) {
    var svg = block.querySelector(".vega-embed svg.marks");
    if (!svg) return;
    var natural = parseFloat(svg.getAttribute("width"));
    var room = block.clientWidth - ACTIONS_WIDTH;
    if (!(natural > room)) {
      svg.style.width = "";
      return;
    }
    svg.style.width = Math.max(room, natural * MIN_SCALE) + "px";
    svg.style.height = "auto";
  }

  function draw(block) {
    var specNode = block.querySelector("script.course-vega-spec");
    var live = block.querySelector(".course-vega-live");
    if (!specNode || !live || typeof window.vegaEmbed !== "function") {
      block.dataset.drawn = "failed";
      return;
    }
    window.vegaEmbed(live, JSON.parse(specNode.textContent), OPTIONS).then(function () {
      var copy = block.querySelector(".course-vega-static");
      if (copy) copy.remove();
      fit(block);
      block.dataset.drawn = "true";
    }).catch(function (error) {
      block.dataset.drawn = "failed";
      console.error("course-vega: chart not drawn, showing its static copy:", error);
    });
  }

  function drawAll() {
    document.querySelectorAll("div.course-vega").forEach(draw);
    window.addEventListener("resize", function () {
      document.querySelectorAll("div.course-vega[data-drawn=true]").forEach(fit);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
