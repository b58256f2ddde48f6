package io.github.tandemsync.archfixture.engine.api;

/** Clean: engine API that other fixtures point at. */
public final class EngineApi {
  public String run() {
    return "ran";
  }
}
