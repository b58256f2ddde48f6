/** Architecture-rule fixture: deliberate violations, compiled only to prove the rules catch them. */
@NullMarked
package io.github.tandemsync.archfixture.integration.flows;

import org.jspecify.annotations.NullMarked;
