/** The demo: a real sync between the Exchequer and Salesforce sandboxes. Not published. */
@NullMarked
package io.github.tandemsync.examples.demo;

import org.jspecify.annotations.NullMarked;
