/** Tandem in a Spring Boot application: wired with {@code @Bean} methods. Not published. */
@NullMarked
package io.github.tandemsync.examples.spring;

import org.jspecify.annotations.NullMarked;
