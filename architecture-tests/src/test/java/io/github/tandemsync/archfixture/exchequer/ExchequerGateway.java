package io.github.tandemsync.archfixture.exchequer;

/** Clean: a connector class. */
public final class ExchequerGateway {
  public String code() {
    return "ABC001";
  }
}
