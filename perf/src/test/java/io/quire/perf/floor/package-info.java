/**
 * The stack floor: a separate, minimal Spring Boot application (Spring MVC on Tomcat, Jackson,
 * HikariCP, plain JDBC; no Axon, no Hibernate, no authentication) that does the least each budgeted
 * request must do, so that a run against it shows how much of a budget the settled web stack leaves
 * on this machine before any of Quire's own work. {@link io.quire.perf.floor.StackFloorApplication}
 * serves {@code POST /floor/appends/{id}/} (pgbench's transaction, over HTTP), {@code GET
 * /floor/rows/{id}/} (one primary-key read) and {@code GET /livez/}; the {@code StackFloor}
 * simulation drives it through {@code BudgetRun} like any other (docs/performance.md, "The stack
 * floor").
 */
package io.quire.perf.floor;
