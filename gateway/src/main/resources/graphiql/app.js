// Opens GraphiQL on the gateway's /graphql with one tab per saved operation of queries/.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  function render(examples) {
    var tabs = examples.map(function (example) { return { query: example.query }; });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultTabs: tabs.length ? tabs : undefined,
        defaultEditorToolsVisibility: true
      }));
  }
  fetch('/graphiql/examples.json')
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; })
    .then(render);
})();
