package io.quire.perf.seed;

/**
 * One user of the task dataset ({@link TaskDataset}): a username of the shape {@code
 * first.last.tag.u00042} (never an {@link ArticleSeeder} author's), an address at {@code
 * perf.example.com} and a password derived from the seed, so anyone who knows the seed can sign in
 * as them.
 *
 * @param index the user's position in {@link TaskDataset#users()}, from 0
 */
public record SeededUser(int index, String username, String email, String password) {}
