package io.meshcatalog.graph.model;

/** ODPS {@code support[]}: where to ask, for example a chat channel or an issue tracker. */
public record SupportChannel(String channel, String url, String tool, String scope) {}
