/** Pages that are not articles, generated for the benchmark and tests (our own text). */

/** A web app's page: a toolbar, a sidebar and a big table; nothing an article has. */
export function webAppPage(rows = 400): string {
  const cells = (i: number) =>
    `<tr><td><input type="checkbox" aria-label="select ${i}"></td><td>Item ${i}</td><td><span class="badge">open</span></td><td>${(i * 37) % 1000} units</td><td><button>Edit</button> <button>Delete</button></td></tr>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inventory dashboard</title><meta property="og:type" content="website"></head>
<body><div id="app"><header class="toolbar"><button>Menu</button><input type="search" placeholder="Search"><span class="user">Signed in</span></header>
<nav class="sidebar"><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="#s${i}">Section ${i}</a></li>`).join('')}</ul></nav>
<main><h1>Inventory</h1><div class="filters">${Array.from({ length: 30 }, (_, i) => `<label><input type="checkbox"> Filter ${i}</label>`).join('')}</div>
<table class="grid"><thead><tr><th></th><th>Name</th><th>Status</th><th>Stock</th><th>Actions</th></tr></thead><tbody>${Array.from({ length: rows }, (_, i) => cells(i)).join('')}</tbody></table></main></div></body></html>`;
}

/** A search-results page: each result a link and a paragraph-long snippet. */
export function searchPage(results = 60): string {
  const snippet = (i: number) =>
    `Result number ${i} describes a topic at some length, so that its snippet is as long as a short paragraph of text on a page, which is what search engines show under each link they list for a query.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search: harbour ferry</title><meta property="og:type" content="website"></head>
<body><header><form role="search"><input name="q" value="harbour ferry"><button>Search</button></form></header>
<main><div id="results">${Array.from({ length: results }, (_, i) => `<div class="result"><h3><a href="/r/${i}">Result ${i}: a page about the harbour ferry</a></h3><cite>example.org/r/${i}</cite><p>${snippet(i)}</p></div>`).join('')}</div></main></body></html>`;
}
