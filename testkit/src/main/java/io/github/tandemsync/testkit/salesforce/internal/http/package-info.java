/**
 * A minimal HTTP/1.1 server for the Salesforce sandbox. The JDK's {@code HttpServer} always stamps
 * the {@code Date} header with the host clock and cannot reset a connection, both of which the
 * sandbox must control. Not API: may change at any time.
 */
@NullMarked
package io.github.tandemsync.testkit.salesforce.internal.http;

import org.jspecify.annotations.NullMarked;
