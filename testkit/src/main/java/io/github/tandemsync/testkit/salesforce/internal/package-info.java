/**
 * Implementation of the Salesforce sandbox: org state, schema, validation, REST handlers, Bulk API
 * 2.0 and OAuth. Not API: may change at any time.
 */
@NullMarked
package io.github.tandemsync.testkit.salesforce.internal;

import org.jspecify.annotations.NullMarked;
