// Opens GraphiQL on the gateway's /graphql with one tab per saved operation of queries/, each with the headers its
// "# headers:" line names (a demo persona's key, for a query that shows a caller's view).
(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var firstVisit = localStorage.getItem('graphiql:tabState') === null;
  function render(examples) {
    var tabs = examples.map(function (example) { return { query: example.query, headers: example.headers || null }; });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultTabs: tabs.length ? tabs : undefined,
        // GraphiQL 2.4 fills the Headers editor of the first tab from this prop only, not from defaultTabs; once it keeps
        // tabs in this browser, the prop would open a copy of the first tab instead of the tab the user left open
        headers: firstVisit && tabs.length && tabs[0].headers ? tabs[0].headers : undefined,
        defaultEditorToolsVisibility: true,
        // tabs are kept in this browser from the first visit on, and defaultTabs then no longer apply: keep each tab's
        // headers with it, or a saved query's persona key is gone on the second visit (the catalog UI keeps its key
        // in this browser too)
        shouldPersistHeaders: true
      }));
  }
  fetch('/graphiql/examples.json')
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; })
    .then(render);
})();
