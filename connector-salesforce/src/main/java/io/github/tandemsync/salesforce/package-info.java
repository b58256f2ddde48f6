/**
 * The Salesforce connector: {@link io.github.tandemsync.salesforce.SalesforceConnector} and its
 * configuration ({@link io.github.tandemsync.salesforce.SalesforceAuth},
 * {@link io.github.tandemsync.salesforce.ApiBudget},
 * {@link io.github.tandemsync.salesforce.SalesforceNaming}), plus the Salesforce metadata
 * (custom objects and fields) the connector expects in the org.
 *
 * <p>Everything in this package is non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.tandemsync.salesforce;

import org.jspecify.annotations.NullMarked;
