package fr.pairaidance.benchmarks;

import java.util.List;
import java.util.stream.Collectors;

/** The wrk scripts: paths in rotation, optional pacing, client addresses, registration bodies. */
final class Lua {

    private Lua() {
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "[==[" + v + "]==]").collect(Collectors.joining(",\n  "));
    }

    /** GETs of the paths in turn; with {@code delayMs} > 0 each connection waits that long between requests. */
    static String rotating(List<String> paths, int delayMs) {
        return "local paths = {\n  " + quoted(paths) + "\n}\n"
                + "local i = 0\n"
                + "init = function(args) i = math.random(#paths) end\n"
                + "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
                + (delayMs > 0 ? "delay = function() return " + delayMs + " end\n" : "");
    }

    /** GETs of the paths in turn, each from a different client address (X-Forwarded-For, trusted from localhost). */
    static String verification(List<String> paths) {
        return "local paths = {\n  " + quoted(paths) + "\n}\n"
                + "local i = 0\n"
                + "init = function(args) i = math.random(#paths) end\n"
                + "request = function()\n  i = i % #paths + 1\n"
                + "  local ip = \"10.\" .. math.random(0, 255) .. \".\" .. math.random(0, 255) .. \".\" .. math.random(1, 254)\n"
                + "  return wrk.format(\"GET\", paths[i], {[\"X-Forwarded-For\"] = ip})\nend\n";
    }

    /** POSTs of registrations, each with a new email address. */
    static String registration(List<String> templates, String token, String tag) {
        return "local bodies = {\n  " + quoted(templates) + "\n}\n"
                + "local counter = 0\n"
                + "local threads = 0\n"
                + "tid = 0\n"
                + "setup = function(thread)\n  threads = threads + 1\n  thread:set(\"tid\", threads)\nend\n"
                + "request = function()\n  counter = counter + 1\n"
                + "  local email = \"w" + tag + "-\" .. tid .. \"-\" .. counter .. \"@bench.pairaidance.test\"\n"
                + "  local body = string.gsub(bodies[counter % #bodies + 1], \"EMAIL_PLACEHOLDER\", email)\n"
                + "  return wrk.format(\"POST\", \"/api/v1/practitioners\", {[\"Content-Type\"] = \"application/json\","
                + " [\"Authorization\"] = \"Bearer " + token + "\"}, body)\nend\n";
    }
}
