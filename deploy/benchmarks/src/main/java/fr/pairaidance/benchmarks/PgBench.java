package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pgbench (Debian: package postgresql-15 or postgresql-client ships it) with custom scripts. */
final class PgBench {

    record Result(double tps, double latencyAvgMs, long transactions, long failed) {
    }

    private final Options options;
    private final Path scripts;
    private final String executable;

    PgBench(Options options, Path scripts) {
        this.options = options;
        this.scripts = scripts;
        this.executable = locate();
    }

    static String locate() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench",
                "/usr/lib/postgresql/16/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("pgbench is not installed: run 'apt-get install -y postgresql-contrib' (Debian"
                + " 12 ships pgbench with the postgresql-15 server package it pulls in) and start again");
    }

    Path script(String name, String sql) {
        try {
            Path file = scripts.resolve(name + ".sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Result run(String database, List<Path> files, int clients, int seconds) {
        List<String> command = new ArrayList<>(List.of(executable, "-n", "-M", "prepared", "-c",
                Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds),
                "-h", options.pgHost(), "-p", Integer.toString(options.pgPort()), "-U", options.pgUser()));
        for (Path f : files) {
            command.add("-f");
            command.add(f.toString());
        }
        command.add(database);
        String out;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(Map.of("PGPASSWORD", options.pgPassword()));
            Process p = pb.start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("pgbench failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double tps = number(out, "tps = ([0-9.]+)");
        if (tps == 0) {
            throw new IllegalStateException("pgbench: " + Http.abbreviate(out));
        }
        return new Result(tps, number(out, "latency average = ([0-9.]+) ms"),
                (long) number(out, "number of transactions actually processed: (\\d+)"),
                (long) number(out, "number of failed transactions: (\\d+)"));
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
