package io.github.tandemsync.archfixture.engine.api;

/** Clean: an API interface whose implementation is internal. */
public interface Widget {
  /** The widget's name. */
  String name();
}
