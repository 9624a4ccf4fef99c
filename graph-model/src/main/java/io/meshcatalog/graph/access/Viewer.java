package io.meshcatalog.graph.access;

import java.util.Set;

/**
 * Whose view of the catalog a read answers: bound as parameters into every read's Cypher, so totals, facets and
 * impact counts are computed over what this viewer may see.
 *
 * @param authenticated whether anybody authenticated (internal products are for authenticated viewers)
 * @param everything whether it sees every product whatever its visibility (admins, the gateway itself)
 * @param subject the user or service, for grants made to it; empty when anonymous
 * @param teams the teams it acts for: their private products, and grants made to them
 */
public record Viewer(boolean authenticated, boolean everything, String subject, Set<String> teams) {

  /** An anonymous viewer: public products only. */
  public static final Viewer PUBLIC = new Viewer(false, false, "", Set.of());

  /** Every product: admins, and the gateway's own reads (harvest, start-up). */
  public static final Viewer EVERYTHING = new Viewer(true, true, "", Set.of());

  public Viewer {
    teams = Set.copyOf(teams);
  }

  /** An authenticated viewer acting for {@code teams}. */
  public static Viewer of(String subject, Set<String> teams) {
    return new Viewer(true, false, subject, teams);
  }
}
