/**
 * Small SQL helpers the read models share: page windows, LIKE patterns, the one dialect difference
 * (case-insensitive matching), column conversions, and version-guarded rows that apply each
 * aggregate event exactly once and in order.
 */
package io.quire.query.sql;
