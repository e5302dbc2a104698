package fr.pairaidance.platform.web;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person typed in the place box, as areas: a typed code (ze:8421), a postal code, a department
 * number, or the name of a commune, department, region or employment zone (accents and case ignored).
 * One place is searched at once; several are offered as a choice.
 */
@ApplicationScoped
public class PlaceFinder {

    /** An area a person can choose: its typed code and what to call it. */
    @TemplateData
    public record Place(String area, String label) {
    }

    private static final Pattern TYPED = Pattern.compile("(?i)(com|ze|dep|reg):\\S+");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("(?i)\\d{2,3}|2[ab]");
    private static final Pattern LABELLED = Pattern.compile("(.+?)\\s*\\((\\d{5})\\)");
    private static final int MAX_CHOICES = 10;

    private final Geography geography;

    PlaceFinder(Geography geography) {
        this.geography = geography;
    }

    /** The places the text may mean, the likeliest first; empty when none. */
    public List<Place> find(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        java.util.regex.Matcher labelled = LABELLED.matcher(q);
        if (labelled.matches()) {
            // "Lyon (69001)" as the suggestions and the result pages write a commune: its name and postal code.
            String name = Geography.normalise(labelled.group(1));
            List<Place> inPostalCode = geography.communesWithPostalCode(labelled.group(2)).stream()
                    .filter(c -> Geography.normalise(c.name()).equals(name))
                    .map(c -> new Place("com:" + c.code(), communeLabel(c))).toList();
            if (!inPostalCode.isEmpty()) {
                return inPostalCode;
            }
            q = labelled.group(1).strip();
        }
        if (TYPED.matcher(q).matches()) {
            try {
                int colon = q.indexOf(':');
                Geography.Area area = geography.parseArea("q",
                        q.substring(0, colon).toLowerCase(Locale.ROOT) + q.substring(colon).toUpperCase(Locale.ROOT));
                return List.of(new Place(area.toString(), label(area)));
            } catch (ProblemException unknown) {
                return List.of();
            }
        }
        if (POSTAL_CODE.matcher(q).matches()) {
            return geography.communesWithPostalCode(q).stream().limit(MAX_CHOICES)
                    .map(c -> new Place("com:" + c.code(), communeLabel(c))).toList();
        }
        if (DEPARTMENT_CODE.matcher(q).matches()) {
            return geography.department(q.toUpperCase(Locale.ROOT))
                    .map(d -> List.of(new Place("dep:" + d.code(), d.name() + " (" + d.code() + ")")))
                    .orElse(List.of());
        }
        String key = Geography.normalise(q);
        List<Geography.Commune> communes = geography.communesNamed(q, 50);
        List<Geography.Commune> exact = communes.stream().filter(c -> Geography.normalise(c.name()).equals(key))
                .sorted(Comparator.comparingLong(Geography.Commune::population).reversed()).toList();
        if (exact.size() == 1) {
            // One commune of that very name: its zone, department and region come with it (Lyon, Paris).
            return List.of(new Place("com:" + exact.get(0).code(), communeLabel(exact.get(0))));
        }
        List<Place> found = new ArrayList<>();
        geography.regions().stream().filter(r -> Geography.normalise(r.name()).equals(key))
                .forEach(r -> found.add(new Place("reg:" + r.code(), r.name())));
        geography.departments().stream().filter(d -> Geography.normalise(d.name()).equals(key))
                .forEach(d -> found.add(new Place("dep:" + d.code(), d.name() + " (" + d.code() + ")")));
        if (!found.isEmpty()) {
            return found;
        }
        (exact.isEmpty() ? communes : exact).stream().limit(MAX_CHOICES)
                .forEach(c -> found.add(new Place("com:" + c.code(), communeLabel(c))));
        geography.zones().stream().filter(z -> Geography.normalise(z.name()).equals(key)).sorted(
                Comparator.comparing(Geography.Zone::code)).forEach(z -> found.add(new Place("ze:" + z.code(),
                        z.name() + " (" + z.code() + ")")));
        return found.stream().distinct().limit(MAX_CHOICES).toList();
    }

    /**
     * The communes the text may mean: an INSEE commune code (69123), a postal code, or a name (with its
     * postal code, as the suggestions write it).
     */
    public List<Place> communes(String text) {
        String q = text == null ? "" : text.strip();
        List<Place> found = new ArrayList<>(find(q).stream().filter(p -> p.area().startsWith("com:")).toList());
        if (q.matches("[0-9][0-9AB][0-9]{3}")) {
            // A 5-character code can be a postal code and another commune's INSEE code (69003): both are offered.
            geography.commune(q.toUpperCase(Locale.ROOT)).map(c -> new Place("com:" + c.code(), communeLabel(c)))
                    .filter(p -> !found.contains(p)).ifPresent(found::add);
        }
        if (found.isEmpty() && !q.isEmpty() && !POSTAL_CODE.matcher(q).matches()) {
            return geography.communesNamed(q, MAX_CHOICES).stream()
                    .map(c -> new Place("com:" + c.code(), communeLabel(c))).toList();
        }
        return found;
    }

    /**
     * The area a form's place box stands for: the hidden area (set by a suggestion, or the page's own) when
     * the text shown is empty or still that area's name; null when the person typed another place since.
     */
    public String chosenArea(String typed, String area) {
        if (area == null || area.isBlank()) {
            return null;
        }
        if (typed == null || typed.isBlank()) {
            return area.strip();
        }
        try {
            return typed.strip().equals(label(geography.parseArea("area", area.strip()))) ? area.strip() : null;
        } catch (ProblemException wrong) {
            return null;
        }
    }

    /** The commune's name with its postal code, as the pages and the suggestions write it. */
    public String communeLabel(String communeCode) {
        return communeCode == null ? "" : geography.commune(communeCode).map(this::communeLabel).orElse(communeCode);
    }

    /** What to call a typed area on a page: "Lyon (69001)", "Rhône (69)", "Bretagne". */
    public String label(Geography.Area area) {
        return switch (area.kind()) {
            case COMMUNE -> geography.commune(area.code()).map(this::communeLabel).orElse(area.toString());
            case ZONE -> geography.zone(area.code()).map(z -> z.name() + " (" + z.code() + ")").orElse(area.toString());
            case DEPARTMENT -> geography.department(area.code()).map(d -> d.name() + " (" + d.code() + ")")
                    .orElse(area.toString());
            case REGION -> geography.region(area.code()).map(Geography.Region::name).orElse(area.toString());
        };
    }

    private String communeLabel(Geography.Commune c) {
        String postal = c.postalCodes().isEmpty() ? c.departmentCode() : c.postalCodes().get(0);
        return c.name() + " (" + postal + ")";
    }
}
