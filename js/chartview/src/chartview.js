// The course's chart widget (alliances/widgets/chartview.py), an anywidget ES module.
//
// First render: vegaEmbed(el, spec, {actions: false, renderer: "svg"}). Then:
// * `datasets` changes: each named data set whose rows changed is updated in the running
//   view through a Vega changeset that removes the rows that went and inserts the rows that
//   came (rows compared as JSON text, a repeated row as often as it appears) -- no re-embed.
//   Rows that stay keep their marks, so a step that changes a few cells redraws only those
//   (p95 144 -> 101 ms for the dashboard's controls); a changed row is drawn last, which shows
//   only where marks of one layer overlap;
// * `title` changes: the title is a Vega-Lite param (`title_param`) the spec's title text
//   reads through an ExprRef, so the view's signal is set -- no re-embed;
// * `description` changes: the view's aria-label (view.description);
// * `spec` changes (the chart's structure): the view is finalized and embedded anew.
// Every change waits for the one before it, and each reads the model's latest values, so a
// burst of changes (a slider being dragged) ends with the last one drawn.
import embed, { vega } from "vega-embed";

const OPTIONS = { actions: false, renderer: "svg" };

function withData(spec, datasets, titleParam, title, description) {
  const out = { ...spec, datasets: { ...(spec.datasets || {}), ...datasets } };
  if (description) out.description = description;
  if (titleParam) {
    out.params = (spec.params || []).map((p) => (p.name === titleParam ? { ...p, value: title } : p));
  }
  return out;
}

// The rows of each data set that are in the view now, with each row's JSON text. A redraw removes
// the rows that went and inserts the rows that came; rows that stay keep their marks.
function changesetFor(state, name, rows) {
  const before = state.tuples[name];
  const texts = rows.map((r) => JSON.stringify(r));
  if (!before) {
    const objs = texts.map((t) => JSON.parse(t));
    state.tuples[name] = objs.map((obj, k) => ({ text: texts[k], obj }));
    return vega.changeset().remove(() => true).insert(objs);
  }
  const wanted = new Map();
  for (const t of texts) wanted.set(t, (wanted.get(t) || 0) + 1);
  const kept = [], gone = [];
  for (const entry of before) {
    const n = wanted.get(entry.text) || 0;
    if (n > 0) { wanted.set(entry.text, n - 1); kept.push(entry); } else gone.push(entry.obj);
  }
  const added = [];
  for (const [t, n] of wanted) for (let k = 0; k < n; k++) added.push({ text: t, obj: JSON.parse(t) });
  state.tuples[name] = kept.concat(added);
  return vega.changeset().remove(gone).insert(added.map((e) => e.obj));
}

function render({ model, el }) {
  const state = { view: null, result: null, shown: {}, tuples: {}, spec: null, title: null, queue: Promise.resolve() };
  let alive = true;

  async function embedAnew() {
    const spec = model.get("spec");
    const datasets = model.get("datasets") || {};
    const title = model.get("title");
    if (state.result) state.result.finalize();
    state.view = null;
    state.tuples = {};
    const result = await embed(el, withData(spec, datasets, model.get("title_param"), title, model.get("description")), OPTIONS);
    if (!alive) { result.finalize(); return; }
    state.result = result;
    state.view = result.view;
    state.spec = spec;
    state.title = title;
    state.shown = Object.fromEntries(Object.entries(datasets).map(([k, v]) => [k, JSON.stringify(v)]));
    el.dataset.chartviewEmbeds = String(Number(el.dataset.chartviewEmbeds || 0) + 1);
  }

  async function refresh() {
    if (!alive) return;
    // an empty view waits for its first chart (a "Show me" button creates one ahead of the click)
    if (!Object.keys(model.get("spec") || {}).length) return;
    if (!state.view || model.get("spec") !== state.spec) {
      await embedAnew();
      return;
    }
    const view = state.view;
    const arrived = performance.now();
    let dirty = false;
    const datasets = model.get("datasets") || {};
    for (const [name, rows] of Object.entries(datasets)) {
      const text = JSON.stringify(rows);
      if (state.shown[name] === text) continue;
      // Vega-Lite compiles a top-level named data set to a Vega data set of the same name
      view.change(name, changesetFor(state, name, rows));
      state.shown[name] = text;
      dirty = true;
    }
    const titleParam = model.get("title_param");
    const title = model.get("title");
    if (titleParam && title !== state.title) {
      view.signal(titleParam, title);
      state.title = title;
      dirty = true;
    }
    view.description(model.get("description") || null);
    if (dirty) {
      const drawing = performance.now();
      await view.runAsync();
      // when the new rows reached the page, and how long the changeset and Vega's redraw took
      // (read by benchmarks/browser_redraw.py to say where a step's time goes)
      el.dataset.chartviewArrived = arrived.toFixed(1);
      el.dataset.chartviewPrepareMs = (drawing - arrived).toFixed(1);
      el.dataset.chartviewDrawMs = (performance.now() - drawing).toFixed(1);
      el.dataset.chartviewUpdates = String(Number(el.dataset.chartviewUpdates || 0) + 1);
    }
  }

  function schedule() {
    state.queue = state.queue.then(refresh).catch((err) => {
      console.error("chartview:", err);
    });
    return state.queue;
  }

  el.classList.add("course-chartview");
  for (const name of ["spec", "datasets", "title", "description"]) model.on(`change:${name}`, schedule);
  schedule();
  return () => {
    alive = false;
    for (const name of ["spec", "datasets", "title", "description"]) model.off(`change:${name}`, schedule);
    if (state.result) state.result.finalize();
  };
}

export default { render };
