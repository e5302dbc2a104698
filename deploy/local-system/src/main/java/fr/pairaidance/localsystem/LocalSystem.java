package fr.pairaidance.localsystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The run command ({@code ./mvnw -Prun} at the repository root): builds the services, then starts
 * PostgreSQL, Kafka, an SMTP server, Keycloak and the services on this machine, and keeps them running until
 * Ctrl-C, which stops them all. Options are system properties, listed in deploy/local-stack/README.md.
 */
public final class LocalSystem {

    private final LocalOptions options;
    private final ChildProcesses children;

    private LocalSystem(LocalOptions options, ChildProcesses children) {
        this.options = options;
        this.children = children;
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        LocalOptions options = LocalOptions.fromSystemProperties();
        ChildProcesses children = new ChildProcesses();
        children.stopOnShutdown();
        try {
            new LocalSystem(options, children).start(started);
        } catch (RuntimeException e) {
            if (!children.stopping()) {
                Console.error(e.getMessage());
                children.stopAll();
                throw e;
            }
        }
        // This JVM built the services first: what the build left on its heap is garbage now. One full
        // collection gives the free heap back to the system (G1, -XX:MaxHeapFreeRatio in .mvn/jvm.config).
        System.gc();
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
    }

    private void start(long started) {
        Console.info("Starting the local system: data in " + options.dataDir()
                + (options.fresh() ? " (wiped first: -Dfresh)" : "") + (options.demo() ? ", demo data: -Ddemo" : ""));
        Console.info("Once ready (in one to four minutes), open in a browser:");
        Console.block(Summary.webAddresses(options.services()));
        if (options.fresh()) {
            DataFolder.wipe(options.dataDir());
        }
        DataFolder.prepare(options.dataDir());

        PostgresProcess.start(options, children);
        long infrastructureStarted = System.nanoTime();
        KafkaCluster kafka = KafkaCluster.start(options, children);
        MailServer mail = MailServer.start(options, children);
        KeycloakProcess keycloak = KeycloakProcess.start(options, children);
        kafka.awaitReady(infrastructureStarted);
        mail.awaitReady(options, infrastructureStarted);
        keycloak.awaitReady(options, infrastructureStarted);

        Map<ServiceDefinition, Summary.State> states = startServices();
        if (options.demo()) {
            ServiceDefinition registry = options.services().get(0);
            DemoData.loadPractitioners(options, registry, states.get(registry) == Summary.State.READY);
        }
        Summary.print(options, states, started);
        children.reportExits();
    }

    private Map<ServiceDefinition, Summary.State> startServices() {
        long servicesStarted = System.nanoTime();
        Map<ServiceDefinition, Summary.State> states = new LinkedHashMap<>();
        List<ServiceDefinition> startable = new ArrayList<>();
        for (ServiceDefinition service : options.services()) {
            Optional<Summary.State> notStartable = ServiceProcess.whyNotStartable(options, service);
            states.put(service, notStartable.orElse(Summary.State.NOT_READY));
            if (notStartable.isEmpty()) {
                startable.add(service);
            }
        }
        ServiceProcess.recordClassArchives(options, startable, children);
        List<ServiceProcess> running = new ArrayList<>();
        for (ServiceDefinition service : startable) {
            running.add(ServiceProcess.start(options, service, children));
        }
        for (ServiceProcess service : running) {
            boolean ready = service.awaitReady(options, servicesStarted);
            states.put(service.service(), ready ? Summary.State.READY : Summary.State.NOT_READY);
        }
        return states;
    }
}
