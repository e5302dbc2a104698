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
    private KafkaCluster kafka;
    private MailServer mail;

    private RunningSystem(LocalOptions options) {
        this.options = options;
    }

    /** Starts PostgreSQL, Kafka, the SMTP server, Keycloak and every built service, and waits until all are ready. */
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
        kafka = KafkaCluster.start(options, children);
        mail = MailServer.start(options, children);
        KeycloakProcess keycloak = KeycloakProcess.start(options, children);
        kafka.awaitReady(started);
        mail.awaitReady(options, started);
        keycloak.awaitReady(options, started);
        for (ServiceDefinition service : options.services()) {
            ServiceProcess.whyNotStartable(options, service).ifPresent(why -> {
                throw new LocalSystemException(service.name() + " cannot start: " + why);
            });
        }
        ServiceProcess.recordClassArchives(options, options.services(), children);
        for (ServiceDefinition service : options.services()) {
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

    /** The local SMTP server's mailbox API ({@code GET /api/user/<address>/messages/INBOX}). */
    public String mailUrl() {
        return options.mailUrl();
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

    /**
     * Whether the running service mapped the class archive recorded from a complete start of its
     * build (read from the process's memory map, on Linux).
     */
    public boolean runsFromItsClassArchive(String name) {
        return services.get(name).mapsItsClassArchive(options);
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

    /** Stops the SMTP server (what it held is lost): the services' mails wait in their queues. */
    public void stopMailServer() {
        mail.stop();
    }

    /** Starts the SMTP server again, with empty mailboxes, and waits until it is ready. */
    public void startMailServer() {
        mail = MailServer.start(options, children);
        mail.awaitReady(options, System.nanoTime());
    }

    /** Stops every Kafka broker (their data stays). */
    public void stopKafka() {
        kafka.stopNodes();
    }

    /** Starts every Kafka broker again on its data and waits until they are ready. */
    public void startKafka() {
        kafka.startNodes();
        kafka.awaitReady(System.nanoTime());
    }

    /** The number of Kafka brokers ({@code local.kafka.brokers}). */
    public int kafkaBrokers() {
        return options.kafkaBrokers();
    }

    /** Kills one Kafka broker (SIGKILL), numbered from 1. */
    public void killKafkaBroker(int node) {
        kafka.killNode(node);
    }

    /** Starts that broker again on its data and waits until it is ready. */
    public void startKafkaBroker(int node) {
        kafka.startNode(node);
        kafka.awaitNodeReady(node);
    }

    /** Stops PostgreSQL (its data stays): the services lose their databases. */
    public void stopPostgres() {
        postgres.stop();
    }

    /**
     * Takes one service's database away while the others keep theirs: its connections are closed
     * and new ones refused, as when the database server of that service alone is down.
     */
    public void takeDatabaseAway(String database) {
        postgres.refuseConnections(database);
    }

    /** Gives that database back. */
    public void giveDatabaseBack(String database) {
        postgres.acceptConnections(database);
    }

    /**
     * Starts another instance of a service on another port (same database, same consumer groups),
     * as a scaled-out deployment runs it, and waits until it is ready.
     */
    public Instance startAnotherInstance(String name, int port) {
        ServiceDefinition another = new ServiceDefinition(name, port, definition(name).database());
        ServiceProcess process = ServiceProcess.start(options, another, children, name + "-" + port);
        if (!process.awaitReady(options, System.nanoTime())) {
            throw new LocalSystemException(name + " on port " + port + " did not become ready");
        }
        return new Instance(process);
    }

    /** A further instance of a service. */
    public static final class Instance {
        private final ServiceProcess process;

        private Instance(ServiceProcess process) {
            this.process = process;
        }

        public String url() {
            return process.service().baseUrl();
        }

        /** Kills it (SIGKILL). */
        public void kill() {
            process.kill();
        }

        /** Stops it as an orchestrator would (SIGTERM): it leaves its consumer groups at once. */
        public void stop() {
            process.stop();
        }
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
