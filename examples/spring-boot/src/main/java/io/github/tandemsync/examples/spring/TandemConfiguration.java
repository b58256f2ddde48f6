package io.github.tandemsync.examples.spring;

import io.github.tandemsync.engine.FailedRecord;
import io.github.tandemsync.engine.SyncListener;
import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Tandem wired with plain {@code @Bean} methods — no Tandem code knows about Spring.
 *
 * <p>Every Spring property under {@code tandem.integration.} is handed to the integration with the
 * prefix removed, so the keys are those of Tandem's configuration file ({@code flows.jobs=off},
 * {@code exchequer.jdbcUrl=...}, {@code salesforce.auth=jwt}, ...; see docs/getting-started.md).
 */
@Configuration(proxyBeanMethods = false)
public class TandemConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(TandemConfiguration.class);
  private static final String PREFIX = "tandem.integration.";

  /** The sync state: the embedded SQLite store here; a PostgreSQL DataSource bean would do for several nodes. */
  @Bean(destroyMethod = "close")
  StateStore tandemStateStore(@Value("${tandem.state-file:tandem-state.db}") String file) {
    return StateStores.sqlite(Path.of(file));
  }

  /** Tells operations about records that could not be synced (a mail, a ticket: here a log line). */
  @Bean
  SyncListener tandemFailureReporter() {
    return new SyncListener() {
      @Override
      public void recordFailed(FailedRecord failure) {
        if (failure.quarantined()) {
          LOG.warn("Tandem parked a record for an operator: {}", failure.describe());
        }
      }
    };
  }

  /** The integration, built from the Spring properties; the engine is closed with the context. */
  @Bean(destroyMethod = "close")
  ExchequerSalesforceIntegration tandem(ConfigurableEnvironment environment, StateStore stateStore, ObjectProvider<SyncListener> listeners) {
    Properties settings = new Properties();
    environment.getPropertySources().forEach(source -> {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          if (name.startsWith(PREFIX) && !settings.containsKey(name.substring(PREFIX.length()))) {
            settings.setProperty(name.substring(PREFIX.length()), environment.getProperty(name, ""));
          }
        }
      }
    });
    ExchequerSalesforceIntegration.Builder builder = ExchequerSalesforceIntegration.fromProperties(settings, Path.of("."))
        .stateStore(stateStore);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  /** Starts the scheduled cycles with the application, stops them with it. */
  @Bean
  SmartLifecycle tandemLifecycle(ExchequerSalesforceIntegration tandem, @Value("${tandem.autostart:true}") boolean autostart) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        tandem.start();
        running = true;
      }

      @Override
      public void stop() {
        tandem.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public boolean isAutoStartup() {
        return autostart;
      }
    };
  }
}
