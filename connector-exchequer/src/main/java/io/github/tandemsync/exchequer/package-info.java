/**
 * The Exchequer connector: reads Exchequer SQL-edition company data through a read-only JDBC
 * login and writes through an {@link io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway}
 * (a COM Toolkit bridge or an Importer CSV drop), never through SQL.
 *
 * <p>Start with {@link io.github.tandemsync.exchequer.ExchequerConnector#builder()}.
 */
@NullMarked
package io.github.tandemsync.exchequer;

import org.jspecify.annotations.NullMarked;
