package fr.pairaidance.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator documentation points at files that exist. */
class DocsTest {

    @Test
    void everyPathNamedInTheDeployReadmeExists() {
        String readme = Repo.read("deploy/README.md");
        Matcher m = Pattern.compile("`(deploy/[A-Za-z0-9_./<>-]+)").matcher(readme);
        int checked = 0;
        while (m.find()) {
            String path = m.group(1).replaceAll("[.,:]$", "");
            if (path.contains("<")) {
                continue; // a pattern such as deploy/debezium/<db>-outbox-connector.json
            }
            assertTrue(Files.exists(Repo.path(path)), "deploy/README.md names a missing path: " + path);
            checked++;
        }
        assertTrue(checked >= 5, "deploy/README.md should name its files, found " + checked);
    }

    @Test
    void scalingDocShowsTheNationalArithmeticAndMarksBenchmarkPlaceholders() {
        String scaling = Repo.read("deploy/docs/scaling.md");
        assertTrue(scaling.contains("deploy/docs/benchmarks.md"), "placeholders point at deploy/docs/benchmarks.md");
        assertTrue(scaling.contains("[bench]"), "benchmark placeholders are marked");
        // 10 million searches a day, average and peak (factor 10).
        assertTrue(scaling.contains("10,000,000 / 86,400") && scaling.contains("116") && scaling.contains("1,157"),
                "search arithmetic shown");
    }
}
