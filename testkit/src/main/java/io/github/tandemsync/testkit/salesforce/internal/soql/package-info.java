/** SOQL lexer, parser and evaluator of the Salesforce sandbox. Not API: may change at any time. */
@NullMarked
package io.github.tandemsync.testkit.salesforce.internal.soql;

import org.jspecify.annotations.NullMarked;
