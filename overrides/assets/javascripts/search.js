// Site search: fold the query like the index (doclocale/website/search.py), ask Pagefind,
// list the results. Pagefind loads only the index of this page's <html lang>.
(function () {
  "use strict";
  const input = document.getElementById("site-search-input");
  const list = document.querySelector(".site-search__results");
  if (!input || !list) return;
  const rules = JSON.parse(input.dataset.rules);
  const remove = new RegExp(rules.remove, "g");
  const fold = (text) => [...text.replace(remove, "")].map((c) => rules.replace[c] || c).join("");
  let pagefind = null;
  let latest = 0;

  // The excerpt in the page's own spelling: the index holds folded words; the id of an empty element
  // (search.py: SHOWN_PREFIX) holds the page's word count, then each word folding changed, as
  // position and word. The other words are the stored text's own, at the same positions.
  function excerpt(data) {
    const paragraph = document.createElement("p");
    const stored = (data.anchors || []).find((anchor) => (anchor.id || "").startsWith("shown:"));
    const folded = data.content.split(/\s+/);
    const fields = stored ? stored.id.slice("shown:".length).split("\u2063") : [];
    const count = Number(fields[0]);
    if (!stored || !(count <= folded.length)) {
      paragraph.innerHTML = data.excerpt;  // Pagefind escapes the text and adds <mark>
      return paragraph;
    }
    // The indexed text is the page's text, then its title again (weighted for ranking).
    const shown = folded.slice(0, count);
    for (let field = 1; field + 1 < fields.length; field += 2) shown[Number(fields[field])] = fields[field + 1];
    const hits = new Set((data.locations || []).filter((index) => index < shown.length));
    const first = hits.size ? Math.min(...hits) : 0;  // only the title matched: the page's opening words
    const start = Math.max(0, first - 12);
    const end = Math.min(shown.length, start + 30);
    if (start > 0) paragraph.append("… ");
    for (let index = start; index < end; index++) {
      if (hits.has(index)) {
        const mark = document.createElement("mark");
        mark.textContent = shown[index];
        paragraph.append(mark);
      } else {
        paragraph.append(shown[index]);
      }
      if (index < end - 1) paragraph.append(" ");
    }
    if (end < shown.length) paragraph.append(" …");
    return paragraph;
  }

  async function run() {
    const query = fold(input.value.trim());
    const ticket = ++latest;
    if (!query) { list.replaceChildren(); return; }
    pagefind = pagefind || await import(new URL(input.dataset.pagefind, document.baseURI).href);
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...results.map((data) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title;
      item.append(link, excerpt(data));
      return item;
    }));
    if (!results.length) {
      const item = document.createElement("li");
      item.textContent = input.dataset.none;
      list.append(item);
    }
  }

  input.addEventListener("input", run);
  if (new URLSearchParams(location.search).get("q")) {
    input.value = new URLSearchParams(location.search).get("q");
    run();
  }
})();
