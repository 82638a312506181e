/** Database dialect adjustments that keep the schema the same on PostgreSQL and H2. */
package io.quire.api.persistence;
