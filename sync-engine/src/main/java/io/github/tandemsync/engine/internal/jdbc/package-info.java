/**
 * The JDBC state stores: SQLite (one local file, the embedded default) and PostgreSQL (several
 * nodes sharing one database), their schema migrations and the lease fencing. Not API: build the
 * stores through {@link io.github.tandemsync.engine.state.StateStores}.
 */
@NullMarked
package io.github.tandemsync.engine.internal.jdbc;

import org.jspecify.annotations.NullMarked;
