/**
 * Implementation of the Salesforce connector: REST, Composite and Bulk API 2.0 client, OAuth, API
 * budget, mappings. Not API: may change at any time.
 */
@NullMarked
package io.github.tandemsync.salesforce.internal;

import org.jspecify.annotations.NullMarked;
