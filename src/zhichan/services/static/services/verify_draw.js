// Recomputes a random inspection's draw in the reader's browser, from what the plan published (the pools, the
// seed and its commitment, the numbers wanted, the draw), with the browser's own SHA-256: the same steps as
// core/draws.py, so the check does not rest on the server's word. The page's data is in #draw-data.
(function () {
  "use strict";
  const button = document.getElementById("recompute-here");
  const data = document.getElementById("draw-data");
  const out = document.getElementById("recompute-here-result");
  if (!button || !data || !out) return;
  const words = JSON.parse(document.getElementById("draw-words").textContent);

  async function sha256(text) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function parsePool(text) {
    return text.split("\n").filter((line) => line !== "").map((line) => {
      const tab = line.indexOf("\t");
      return { stratum: line.slice(0, tab), key: line.slice(tab + 1) };
    });
  }

  async function ranked(entries, seed, excluded) {
    const skip = new Set(excluded);
    const byStratum = {};
    for (const entry of entries) {
      if (skip.has(entry.key)) continue;
      const rank = await sha256(seed + "\n" + entry.key);
      (byStratum[entry.stratum] = byStratum[entry.stratum] || []).push([rank, entry.key]);
    }
    for (const rows of Object.values(byStratum)) {
      rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    }
    return byStratum;
  }

  async function draw(entries, seed, wanted, excluded, problems) {
    const order = await ranked(entries, seed, excluded);
    const drawn = [];
    for (const [stratum, count] of Object.entries(wanted)) {
      const eligible = (order[stratum] || []).map((row) => row[1]);
      if (eligible.length < count) {
        problems.push(words.short.replace("%(stratum)s", stratum || "—"));
        return null;
      }
      drawn.push(...eligible.slice(0, count));
    }
    return drawn;
  }

  const same = (a, b) => a.length === b.length && a.every((value, index) => value === b[index]);

  async function recompute() {
    const plan = JSON.parse(data.textContent);
    const problems = [];
    if ((await sha256(plan.seed)) !== plan.seed_hash) problems.push(words.seed);
    if ((await sha256(plan.pool_text)) !== plan.pool_hash) problems.push(words.pool);
    if ((await sha256(plan.inspector_pool_text)) !== plan.inspector_pool_hash) problems.push(words.inspectors_pool);
    const objects = await draw(parsePool(plan.pool_text), plan.seed, plan.wanted, [], problems);
    const published = plan.targets.map((target) => target.key);
    if (objects && !same([...objects].sort(), [...published].sort())) problems.push(words.objects);
    const inspectors = parsePool(plan.inspector_pool_text);
    for (const target of plan.targets) {
      const again = await draw(
        inspectors, plan.seed + "/" + target.key, { "": plan.inspectors_per_object }, target.excluded, problems
      );
      if (again && !same(again, target.inspectors)) problems.push(words.inspectors.replace("%(object)s", target.key));
    }
    return problems;
  }

  button.addEventListener("click", async () => {
    out.className = "alert alert-secondary";
    out.textContent = words.working;
    out.hidden = false;
    try {
      const problems = await recompute();
      out.className = problems.length ? "alert alert-danger" : "alert alert-success";
      out.textContent = problems.length ? problems.join(" ") : words.ok;
      out.dataset.state = problems.length ? "problems" : "ok";
    } catch (error) {
      out.className = "alert alert-warning";
      out.textContent = words.unavailable;
      out.dataset.state = "unavailable";
    }
  });
})();
