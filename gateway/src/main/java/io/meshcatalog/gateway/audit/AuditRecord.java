package io.meshcatalog.gateway.audit;

/**
 * An event as the log holds it: its place in the chain, so a reader can page by {@code seq} and a SIEM can check
 * the links itself.
 *
 * @param seq the sequence number, from 1, without gaps across files; the reader's cursor
 * @param event the event
 * @param prev the hash of the line before (64 zeros for the first)
 * @param hash the SHA-256 of this line without its hash
 */
public record AuditRecord(long seq, AuditEvent event, String prev, String hash) {}
