package io.quire.api.web;

/**
 * A response record made of plain values only (strings, numbers, booleans, enums, dates and
 * instants, lists of those, and records of those), so that two equal instances always serialize to
 * the same JSON. {@link KeptPageBodies} relies on it to answer a page of such items with the bytes
 * it wrote for an equal page before; {@code ValueRecordsTest} checks every implementation.
 */
public interface ValueRecord {}
