package io.meshcatalog.graph.procedures.search;

import java.util.List;
import java.util.Map;

/**
 * A page of an index search: the hits' node ids and scores, best first, how many matched in all, and each facet's
 * counts over all of them (value to count; no facets when none were asked for).
 */
record SearchAnswer(List<Long> nodes, List<Double> scores, long total, Map<String, Map<String, Long>> facets) {}
