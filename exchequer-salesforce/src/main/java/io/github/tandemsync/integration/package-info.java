/**
 * The reference Exchequer ⇄ Salesforce integration: every capability of the seeds as a flow, each
 * direction switchable, with a documented default field ownership that partners override.
 * {@link io.github.tandemsync.integration.ExchequerSalesforceIntegration} builds the engine, the
 * flows and the quote-acceptance workflow from connector builders and
 * {@link io.github.tandemsync.integration.IntegrationSettings}, or from one properties file.
 */
@NullMarked
package io.github.tandemsync.integration;

import org.jspecify.annotations.NullMarked;
