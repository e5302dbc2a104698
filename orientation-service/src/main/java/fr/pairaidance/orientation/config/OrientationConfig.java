package fr.pairaidance.orientation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The settings of orientation-service. */
@ConfigMapping(prefix = "orientation")
public interface OrientationConfig {

    /**
     * Appended to the consumer group id {@code orientation-service}: a new suffix makes the consumers
     * read both topics again from the earliest offset (rebuild procedure).
     */
    Optional<String> consumerGroupSuffix();

    Search search();

    Requests requests();

    Caching caching();

    Portal portal();

    Disclosure disclosure();

    Prevalence prevalence();

    Admin admin();

    DataInclusion dataInclusion();

    /**
     * The regional operators of the platform's front doors, by region code (INSEE, e.g. 84): shown on the
     * region's page and its zones' pages. A region without one shows the national platform's contact.
     */
    Map<String, Operator> regionalOperators();

    /** A regional operator: who runs the platform in the region and their own words to employers. */
    interface Operator {
        String name();

        Optional<String> email();

        Optional<String> phone();

        Optional<String> website();

        /** A few words of welcome to the region's employers, in French. */
        Optional<String> wordingFr();

        /** The same in English (the French words are shown when absent). */
        Optional<String> wordingEn();
    }

    /** Job portals embedding the search widget, by public key (it names the portal; it is no secret). */
    Map<String, Widget> widgets();

    /** A portal's widget: its name, the origins allowed to frame it, its rate. */
    interface Widget {
        String portal();

        /**
         * Origins (scheme://host[:port]) whose pages may frame the widget: its frame-ancestors (this site
         * itself always may, for the integrator's preview).
         */
        Optional<List<String>> origins();

        /** Whether its searches count in the territory indicators (not the integrator's preview). */
        @WithDefault("true")
        boolean counted();

        /** Searches per minute for the whole key. */
        @WithDefault("600")
        int requestsPerMinute();

        /** Searches per minute for one visitor (by address) of the portal. */
        @WithDefault("60")
        int requestsPerMinutePerVisitor();
    }

    interface Search {
        @WithDefault("50")
        int maxPageSize();

        @WithDefault("20")
        int defaultPageSize();

        /** How often the in-memory search outcome counters are written to the database. */
        @WithDefault("30s")
        String outcomeFlushEvery();
    }

    interface Requests {
        /** How long a practitioner has to answer before the request expires. */
        @WithDefault("P14D")
        Duration answerWithin();

        /** How often pending requests are checked for expiry. */
        @WithDefault("5m")
        String expiryCheckEvery();

        /** Largest number of practitioners one request may go to. */
        @WithDefault("5")
        int maxRecipients();
    }

    interface Caching {
        /** max-age of anonymous search answers. */
        @WithDefault("60s")
        Duration searchMaxAge();

        /** max-age of anonymous geography answers. */
        @WithDefault("1h")
        Duration geographyMaxAge();
    }

    /** Job portals and anonymous embedding: allowed browser origins and rate limits. */
    interface Portal {
        /** Origins allowed for anonymous callers and signed-in users that are not a registered client. */
        @WithDefault("http://localhost:8083")
        List<String> defaultOrigins();

        /** Requests per minute of a caller without its own limit (per IP when anonymous). */
        @WithDefault("600")
        int defaultRequestsPerMinute();

        /** Registered job-portal clients by OIDC client id. */
        Map<String, Client> clients();

        interface Client {
            List<String> origins();

            OptionalInt requestsPerMinute();
        }
    }

    /** Statistical disclosure control. */
    interface Disclosure {
        /** Indicator counts from 1 to this minus one are suppressed. */
        @WithDefault("5")
        int indicatorThreshold();

        /** Self-diagnosis estimates below this are shown as "< threshold". */
        @WithDefault("3")
        int diagnosisThreshold();
    }

    interface Prevalence {
        /**
         * A directory holding prevalence.csv, sources.csv and situations.csv that replaces the
         * figures shipped in the service (resource prevalence/).
         */
        Optional<String> directory();
    }

    interface Admin {
        /** Whether POST /api/v1/admin/read-model/rebuild is available (to regulators). */
        @WithDefault("false")
        boolean rebuildEnabled();
    }

    /** The export of the published offer in the data·inclusion schema v1. */
    interface DataInclusion {
        /** Items per page of the paged endpoints when {@code size} is not given. */
        @WithDefault("100")
        int defaultPageSize();

        /** Largest {@code size}: the whole offer is the JSON lines download. */
        @WithDefault("1000")
        int maxPageSize();

        /** max-age of anonymous answers (pages and downloads). */
        @WithDefault("5m")
        Duration maxAge();
    }
}
