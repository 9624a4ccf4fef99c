package io.meshcatalog.gateway.planning;

import java.util.List;

/**
 * An immutable selection the executor reads values by: the representation an entity fetch sends
 * is the projection of an object through these selections.
 */
public sealed interface Selection permits Selection.Field, Selection.InlineFragment {

  /** Prints the selection in GraphQL syntax on one line. */
  String print();

  /**
   * A field; {@code selections} is empty for a leaf. {@code responseKey} is where the value sits in
   * the fetched data: the field name, or the internal alias the planner gave it because the client
   * used that name for something else.
   */
  record Field(String name, String responseKey, List<Selection> selections) implements Selection {
    public Field {
      selections = List.copyOf(selections);
    }

    /** A field read under its own name. */
    public Field(String name, List<Selection> selections) {
      this(name, name, selections);
    }

    @Override
    public String print() {
      return selections.isEmpty() ? name : name + " " + printAll(selections);
    }
  }

  /** Selections that apply when the object's {@code __typename} is {@code typeCondition}. */
  record InlineFragment(String typeCondition, List<Selection> selections) implements Selection {
    public InlineFragment {
      selections = List.copyOf(selections);
    }

    @Override
    public String print() {
      return "... on " + typeCondition + " " + printAll(selections);
    }
  }

  /** Prints a selection set with braces. */
  static String printAll(List<? extends Selection> selections) {
    StringBuilder out = new StringBuilder("{");
    for (Selection s : selections) {
      out.append(' ').append(s.print());
    }
    return out.append(" }").toString();
  }
}
