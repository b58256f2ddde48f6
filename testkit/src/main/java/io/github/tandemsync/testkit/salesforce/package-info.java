/**
 * An in-process Salesforce org for tests and demos: {@link
 * io.github.tandemsync.testkit.salesforce.SalesforceSandbox} serves the REST, Composite, Bulk API
 * 2.0 and OAuth endpoints over HTTP on 127.0.0.1 with Salesforce's documented behaviour, limits,
 * error shapes and quirks, plus seeded fault injection.
 *
 * <p>Everything in this package is non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.tandemsync.testkit.salesforce;

import org.jspecify.annotations.NullMarked;
