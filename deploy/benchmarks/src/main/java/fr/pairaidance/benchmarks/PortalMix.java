package fr.pairaidance.benchmarks;

import fr.pairaidance.platform.reference.Geography;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The requests of a load run, written as a Gatling mix file (tab-separated: kind, URL, Accept,
 * X-Forwarded-For, If-None-Match). What job portals, employers and anyone checking a label send:
 * searches over every level of the geography (communes, employment zones, departments, regions) where
 * people are, drawn in proportion to the INSEE population, with none to three filters, pages 1 to 5 with a
 * decreasing share; revalidations with the ETag of an earlier answer; place suggestions as a person types;
 * label verifications over all labels (half uniform, half skewed to a few), a tenth asking for the signed
 * receipt; the results page and practitioners' pages of the orientation site.
 */
final class PortalMix {

    static final String HEADER = "kind\turl\taccept\tip\tetag";
    /** Shares of a thousand arrivals in the portal mix. */
    private static final Map<String, Integer> PORTAL_SHARES = Population.weights("search", 450,
            "search-revalidation", 50, "suggestion", 150, "verification", 135, "verification-receipt", 15,
            "results-page", 120, "practitioner-page", 80);
    private static final Map<String, Integer> LEVELS = Population.weights("com", 35, "ze", 30, "dep", 25, "reg", 10);
    private static final Map<String, Integer> FILTERS = Population.weights("domain", 40, "remote", 20, "mode", 15,
            "format", 15, "language", 10);
    /** Share of pages 1 to 5 (page 1 first). */
    private static final int[] PAGE_SHARES = {60, 20, 10, 6, 4};

    /** What the mix draws from: the listing and labels of the loaded system, and the services' addresses. */
    record Data(List<String> labelNumbers, List<String> listedRegistryNumbers, List<String[]> revalidations,
            String orientationUrl, String labellingUrl) {
    }

    private final Population population;
    private final Geography geography;

    PortalMix(Population population, Geography geography) {
        this.population = population;
        this.geography = geography;
    }

    /** The portal mix: {@code count} requests in a random order. */
    Path portal(Path file, Data data, int count, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < count; i++) {
                String kind = Population.pick(r, PORTAL_SHARES, 1).get(0);
                switch (kind) {
                    case "search" -> line(w, kind, data.orientationUrl() + searchPath(r, false), r);
                    case "search-revalidation" -> {
                        String[] known = data.revalidations().get(r.nextInt(data.revalidations().size()));
                        line(w, kind, known[0], "application/json", ip(r), known[1]);
                    }
                    case "suggestion" -> line(w, kind, data.orientationUrl() + suggestionPath(r), r);
                    case "verification", "verification-receipt" -> line(w, kind, data.labellingUrl()
                            + verificationPath(r, data.labelNumbers()), kind.equals("verification")
                                    ? "application/json" : "application/jose", ip(r), "");
                    case "results-page" -> line(w, kind, data.orientationUrl() + searchPath(r, true), "text/html",
                            ip(r), "");
                    default -> line(w, kind, data.orientationUrl() + "/practitioners/"
                            + data.listedRegistryNumbers().get(r.nextInt(data.listedRegistryNumbers().size())),
                            "text/html", ip(r), "");
                }
            }
        }
        return file;
    }

    /** Label verifications only, over all labels, a tenth with the signed receipt. */
    Path verifications(Path file, Data data, int count, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < count; i++) {
                boolean receipt = r.nextInt(10) == 0;
                line(w, receipt ? "verification-receipt" : "verification", data.labellingUrl()
                        + verificationPath(r, data.labelNumbers()), receipt ? "application/jose" : "application/json",
                        ip(r), "");
            }
        }
        return file;
    }

    /** API searches only (the figure without caches). */
    Path searches(Path file, String orientationUrl, int count, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < count; i++) {
                line(w, "search", orientationUrl + searchPath(r, false), r);
            }
        }
        return file;
    }

    /** The cheapest answer of a service, as many times (its ceiling). */
    static Path ping(Path file, String serviceUrl, int count) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < count; i++) {
                w.write("ping\t" + serviceUrl + "/ping\ttext/plain\t127.0.0.1\t\n");
            }
        }
        return file;
    }

    /** Distinct API search URLs (for the revalidations: their ETags are read before the run). */
    List<String> distinctSearches(String orientationUrl, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        while (urls.size() < count) {
            urls.add(orientationUrl + searchPath(r, false));
        }
        return new ArrayList<>(urls);
    }

    /** How many distinct places and search URLs a mix file holds (reported with the figures). */
    static long[] distinct(Path mix) throws IOException {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        LinkedHashSet<String> areas = new LinkedHashSet<>();
        try (var lines = Files.lines(mix)) {
            lines.skip(1).map(l -> l.split("\t")[1]).forEach(url -> {
                urls.add(url);
                int a = url.indexOf("area=");
                if (a >= 0) {
                    int end = url.indexOf('&', a);
                    areas.add(url.substring(a + 5, end < 0 ? url.length() : end));
                }
            });
        }
        return new long[] {urls.size(), areas.size()};
    }

    private String searchPath(SplittableRandom r, boolean page) {
        Geography.Commune c = population.communeOfSomeone(r);
        String area = switch (Population.pick(r, LEVELS, 1).get(0)) {
            case "com" -> "com:" + c.code();
            case "ze" -> "ze:" + c.zoneCode();
            case "dep" -> "dep:" + c.departmentCode();
            default -> "reg:" + c.regionCode();
        };
        StringBuilder sb = new StringBuilder(page ? "/search?area=" : "/api/v1/practitioners?area=").append(area);
        int filters = r.nextInt(100) < 40 ? 0 : r.nextInt(100) < 58 ? 1 : r.nextInt(100) < 72 ? 2 : 3;
        for (String filter : Population.pick(r, FILTERS, filters)) {
            sb.append('&').append(filter).append('=').append(Population.filterValue(r, filter));
        }
        int ticket = r.nextInt(100);
        int index = 0;
        while (ticket >= PAGE_SHARES[index]) {
            ticket -= PAGE_SHARES[index++];
        }
        if (index > 0) {
            // The API counts pages from 0, the site from 1.
            sb.append("&page=").append(page ? index + 1 : index);
        }
        return sb.toString();
    }

    private String suggestionPath(SplittableRandom r) {
        String name = Geography.normalise(population.communeOfSomeone(r).name());
        int typed = Math.min(name.length(), 2 + r.nextInt(5));
        return "/api/v1/geography/communes?name=" + java.net.URLEncoder.encode(name.substring(0, typed),
                java.nio.charset.StandardCharsets.UTF_8) + "&limit=10";
    }

    private static String verificationPath(SplittableRandom r, List<String> numbers) {
        // Half uniform over all labels, half skewed: a few labels are checked far more often than others.
        double u = r.nextDouble();
        int index = r.nextBoolean() ? r.nextInt(numbers.size()) : (int) (numbers.size() * u * u * u * u);
        return "/api/v1/labels/" + numbers.get(Math.min(index, numbers.size() - 1)) + "/verification";
    }

    private static String ip(SplittableRandom r) {
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static void line(Writer w, String kind, String url, SplittableRandom r) throws IOException {
        line(w, kind, url, "application/json", ip(r), "");
    }

    private static void line(Writer w, String kind, String url, String accept, String ip, String etag)
            throws IOException {
        w.write(kind + "\t" + url + "\t" + accept + "\t" + ip + "\t" + etag + "\n");
    }
}
