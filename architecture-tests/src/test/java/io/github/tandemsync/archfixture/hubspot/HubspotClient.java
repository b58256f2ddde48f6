package io.github.tandemsync.archfixture.hubspot;

/** Violation: a connector area not listed in TandemRules.CONNECTORS. */
public final class HubspotClient {}
