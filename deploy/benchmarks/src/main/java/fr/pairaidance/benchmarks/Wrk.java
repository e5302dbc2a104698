package fr.pairaidance.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian package wrk 4.x) and reads its summary. */
final class Wrk {

    /** One wrk run: requests per second, latency percentiles in ms, and what went wrong. */
    record Result(double rps, long requests, long non2xx, long socketErrors, double p50, double p90, double p99,
            double max, int connections) {
        double okRps(double seconds) {
            return (requests - non2xx - socketErrors) / seconds;
        }
    }

    private final int threads;
    private final Path scripts;

    Wrk(int threads, Path scripts) {
        this.threads = threads;
        this.scripts = scripts;
    }

    static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: run 'apt-get install -y wrk' (Debian/Ubuntu package"
                    + " wrk) and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path script(String name, String lua) {
        try {
            Path file = scripts.resolve(name + ".lua");
            Files.writeString(file, lua, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Result run(String url, Path script, int connections, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(threads, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "--latency"));
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(url);
        String out;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("wrk failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Result r = new Result(number(out, "Requests/sec:\\s+([0-9.]+)"), (long) number(out, "(\\d+) requests in"),
                (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"), socketErrors(out),
                latency(out, "50%"), latency(out, "90%"), latency(out, "99%"),
                duration(find(out, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)")), connections);
        if (r.requests() == 0) {
            throw new IllegalStateException("wrk produced no requests: " + out);
        }
        return r;
    }

    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
                + Long.parseLong(m.group(4)) : 0;
    }

    private static double latency(String out, String percentile) {
        return duration(find(out, "\\s" + Pattern.quote(percentile) + "\\s+(\\S+)"));
    }

    private static String find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : null;
    }

    private static double number(String out, String regex) {
        String s = find(out, regex);
        return s == null ? 0 : Double.parseDouble(s);
    }

    /** wrk prints 812.00us, 1.23ms, 2.01s, 1.00m. */
    static double duration(String s) {
        if (s == null) {
            return Double.NaN;
        }
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(s);
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }
}
