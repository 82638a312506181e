/** The user directory read model: user id to username, for embedding users in other resources. */
package io.quire.query.users;
