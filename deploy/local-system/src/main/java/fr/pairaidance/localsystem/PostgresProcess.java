package fr.pairaidance.localsystem;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * PostgreSQL 17 (zonky's embedded binaries, from Maven Central) on a fixed port, its data kept in
 * {@code <data>/postgres}, with one database per service. Runs as root too: zonky then starts the
 * server in a user namespace ({@code unshare -U}).
 */
final class PostgresProcess {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private PostgresProcess(EmbeddedPostgres server) {
        this.server = server;
    }

    static PostgresProcess start(LocalOptions options, ChildProcesses children) {
        long started = System.nanoTime();
        Path dataDirectory = options.dataDir().resolve("postgres");
        requireNoEarlierServer(dataDirectory);
        Ports.requireFree(options.postgresPort(), "PostgreSQL", "local.postgres.port");
        Path logFile = options.logFile("postgres");
        boolean existing = Files.exists(dataDirectory.resolve("postgresql.conf"));
        Console.info((existing ? "Starting PostgreSQL 17 on its data in " : "Creating PostgreSQL 17 data in ")
                + dataDirectory);
        EmbeddedPostgres server;
        try {
            Files.createDirectories(logFile.getParent());
            server = EmbeddedPostgres.builder()
                    .setPort(options.postgresPort())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(options.dataDir().resolve("postgres-binaries").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            Console.tail(logFile, 20);
            throw new LocalSystemException("PostgreSQL did not start: " + e.getMessage() + " (see " + logFile + ")", e);
        }
        PostgresProcess postgres = new PostgresProcess(server);
        children.register("PostgreSQL", postgres::stop);
        postgres.createDatabases(options.services().stream().map(ServiceDefinition::database).toList());
        Console.done("PostgreSQL 17 ready on localhost:" + options.postgresPort(), started);
        return postgres;
    }

    /** Fails if a PostgreSQL left by an earlier run that was killed (kill -9) still runs on this data. */
    private static void requireNoEarlierServer(Path dataDirectory) {
        OptionalLong pid = livePid(dataDirectory.resolve("postmaster.pid"));
        if (pid.isPresent()) {
            throw new LocalSystemException("A PostgreSQL of an earlier run still runs on " + dataDirectory
                    + " (pid " + pid.getAsLong() + "): stop it with 'kill " + pid.getAsLong() + "', then start again");
        }
    }

    /** The process id in a postmaster.pid file if that process is alive. */
    private static OptionalLong livePid(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            boolean running = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(true))
                    .isPresent();
            return running ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException noUsablePidFile) {
            return OptionalLong.empty();
        }
    }

    /** Creates the databases that do not exist yet, and gives the superuser its local password. */
    private void createDatabases(List<String> databases) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.execute("alter user " + USER + " with password '" + PASSWORD + "'");
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        statement.execute("create database " + database);
                        Console.info("  created database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new LocalSystemException("Could not create the services' databases: " + e.getMessage(), e);
        }
    }

    /** Closes every connection to the database and refuses new ones (the others are not touched). */
    void refuseConnections(String database) {
        execute("alter database " + database + " with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }

    void acceptConnections(String database) {
        execute("alter database " + database + " with allow_connections true");
    }

    private void execute(String... statements) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new LocalSystemException("PostgreSQL refused " + statements[0] + ": " + e.getMessage(), e);
        }
    }

    void stop() {
        long started = System.nanoTime();
        try {
            server.close();
            Console.done("PostgreSQL stopped", started);
        } catch (IOException e) {
            Console.error("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
