/**
 * Tandem's foundation types: the entity-type key, the exception hierarchy and the stability
 * annotations shared by every module.
 *
 * <p>Everything in this package and its sub-packages is non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.tandemsync.core;

import org.jspecify.annotations.NullMarked;
