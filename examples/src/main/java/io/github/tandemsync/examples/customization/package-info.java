/** A worked bespoke-field mapping: a sales region kept in step between Salesforce and Exchequer. */
@NullMarked
package io.github.tandemsync.examples.customization;

import org.jspecify.annotations.NullMarked;
