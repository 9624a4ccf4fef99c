package io.meshcatalog.gateway.planning;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fetch under construction: a subgraph, where its result merges, what it selects and which
 * other fetches must finish first. Becomes a {@link PlanNode.Fetch} when the plan is assembled.
 */
final class FetchGroup {

  final int id;
  final String subgraph;
  final ResponsePath mergePath;
  final boolean entity;
  final List<Condition> conditions;
  final SelectionBuilder selection = new SelectionBuilder();
  final Map<String, List<Source>> requires = new LinkedHashMap<>();
  final Set<FetchGroup> dependsOn = new LinkedHashSet<>();
  final Map<String, String> representAs = new LinkedHashMap<>();

  FetchGroup(int id, String subgraph, ResponsePath mergePath, boolean entity, List<Condition> conditions) {
    this.id = id;
    this.subgraph = subgraph;
    this.mergePath = mergePath;
    this.entity = entity;
    this.conditions = List.copyOf(conditions);
  }

  /** Where the representation of entities of {@code typeName} comes from. */
  List<Source> requiresFor(String typeName) {
    return requires.computeIfAbsent(typeName, t -> new java.util.ArrayList<>());
  }

  /**
   * Key or required fields, read from the parent fetch's selection at the merge point (which knows
   * the internal aliases it used). Resolved when the plan is assembled, after every alias is final.
   */
  record Source(SelectionBuilder selection, graphql.language.SelectionSet fieldSet) {
  }

  /** A boolean variable a fetch depends on: run only when {@code variable == expected}. */
  record Condition(String variable, boolean expected) {
  }

  @Override
  public String toString() {
    return "FetchGroup#" + id + "(" + subgraph + " at " + mergePath + ")";
  }
}
