/** The projections admin API: read models' states and their rebuilds, for staff. */
package io.quire.api.projections;
