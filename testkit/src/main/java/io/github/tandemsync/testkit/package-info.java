/**
 * Test support for Tandem and for partners: the {@link io.github.tandemsync.testkit.ConnectorContractKit}
 * every connector passes, a fault-injecting in-memory system for engine-level tests
 * ({@code testkit.fake}), and faithful in-process sandboxes of Salesforce ({@code testkit.salesforce})
 * and Exchequer ({@code testkit.exchequer}).
 */
@NullMarked
package io.github.tandemsync.testkit;

import org.jspecify.annotations.NullMarked;
