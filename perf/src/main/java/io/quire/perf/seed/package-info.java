/**
 * Dataset seeders: they load data through Quire's own HTTP API (the command path, never raw SQL
 * into read models), deterministically from a seed, and are restartable. {@link
 * io.quire.perf.seed.ArticleSeeder} loads published articles for the {@code PublicReader}
 * simulation; {@link io.quire.perf.seed.Vocabulary} is the text both share. {@link
 * io.quire.perf.seed.TaskSeeder} loads orgs, users, memberships and tasks; {@link
 * io.quire.perf.seed.TaskDataset} tells the simulations which users and orgs a seed gives.
 */
package io.quire.perf.seed;
