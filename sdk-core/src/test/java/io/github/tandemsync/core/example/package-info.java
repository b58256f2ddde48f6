/**
 * A complete connector written only against Tandem's public SPI and model: an in-memory system
 * ({@link io.github.tandemsync.core.example.InMemoryStore}), the connector over it
 * ({@link io.github.tandemsync.core.example.InMemoryConnector}) and tests proving each point of
 * the SPI contract. {@code docs/concepts.md} quotes the connector.
 */
@NullMarked
package io.github.tandemsync.core.example;

import org.jspecify.annotations.NullMarked;
