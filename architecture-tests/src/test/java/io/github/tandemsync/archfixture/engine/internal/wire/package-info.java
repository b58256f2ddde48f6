/** Architecture-rule fixture: deliberate violations, compiled only to prove the rules catch them. */
@NullMarked
package io.github.tandemsync.archfixture.engine.internal.wire;

import org.jspecify.annotations.NullMarked;
