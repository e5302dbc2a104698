package fr.pairaidance.localsystem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole system started in this JVM's children, as the run command starts it, for the system
 * tests: options from system properties (ports and data folder of their own), handles to crash and
 * restart a service. {@link #close()} stops everything.
 */
public final class RunningSystem implements AutoCloseable {

    private final LocalOptions options;
    private final ChildProcesses children = new ChildProcesses();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresProcess postgres;
    private KafkaProcess kafka;

    private RunningSystem(LocalOptions options) {
        this.options = options;
    }

    /** Starts PostgreSQL, Kafka, Keycloak and every built service, and waits until all are ready. */
    public static RunningSystem start() {
        RunningSystem system = new RunningSystem(LocalOptions.fromSystemProperties());
        system.children.stopOnShutdown();
        try {
            system.startAll();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startAll() {
        long started = System.nanoTime();
        if (options.fresh()) {
            DataFolder.wipe(options.dataDir());
        }
        DataFolder.prepare(options.dataDir());
        postgres = PostgresProcess.start(options, children);
        kafka = KafkaProcess.start(options, children);
        KeycloakProcess keycloak = KeycloakProcess.start(options, children);
        kafka.awaitReady(options, started);
        keycloak.awaitReady(options, started);
        for (ServiceDefinition service : options.services()) {
            ServiceProcess.whyNotStartable(options, service).ifPresent(why -> {
                throw new LocalSystemException(service.name() + " cannot start: " + why);
            });
            services.put(service.name(), ServiceProcess.start(options, service, children));
        }
        for (ServiceProcess service : services.values()) {
            if (!service.awaitReady(options, started)) {
                throw new LocalSystemException(service.service().name() + " did not become ready: see "
                        + options.logFile(service.service().name()));
            }
        }
    }

    public String serviceUrl(String name) {
        return "http://localhost:" + definition(name).port();
    }

    public String keycloakUrl() {
        return options.keycloakUrl();
    }

    public String kafkaBootstrapServers() {
        return options.kafkaBootstrapServers();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + database;
    }

    public Path logFile(String name) {
        return options.logFile(name);
    }

    /** Kills the service with SIGKILL, as a crash would. */
    public void kill(String name) {
        services.get(name).kill();
    }

    /** Starts the service again and waits until it is ready. */
    public void restart(String name) {
        ServiceProcess process = ServiceProcess.start(options, definition(name), children);
        services.put(name, process);
        if (!process.awaitReady(options, System.nanoTime())) {
            throw new LocalSystemException(name + " did not become ready again: see " + options.logFile(name));
        }
    }

    /** Stops the Kafka broker (its data stays). */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on its data and waits until it is ready. */
    public void startKafka() {
        kafka = KafkaProcess.start(options, children);
        kafka.awaitReady(options, System.nanoTime());
    }

    /** Stops PostgreSQL (its data stays): the services lose their databases. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on its data. */
    public void startPostgres() {
        postgres = PostgresProcess.start(options, children);
    }

    private ServiceDefinition definition(String name) {
        return options.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    @Override
    public void close() {
        children.stopAll();
    }
}
