package fr.pairaidance.labelling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/** The settings of labelling-service. */
@ConfigMapping(prefix = "labelling")
public interface LabellingConfig {

    /** Prefix of public label numbers, e.g. LBL in LBL-2026-000731. */
    @WithDefault("LBL")
    String labelNumberPrefix();

    /** How long a label is valid from its grant, and what a renewal adds to the current expiry. */
    @WithDefault("P3Y")
    Period validity();

    /** How long before expiry a label enters RENEWAL_DUE. */
    @WithDefault("P90D")
    Period renewalWindow();

    /** The zone in which dates (grant, expiry, suspension end, asOf) are read. */
    @WithDefault("Europe/Paris")
    ZoneId timeZone();

    /** Largest page a list returns. */
    @WithDefault("100")
    int maxPageSize();

    Scheduler scheduler();

    Verification verification();

    Signing signing();

    Credentials credentials();

    interface Scheduler {
        /** How often the time-driven job runs (renewal window, expiry, end of suspensions); off disables it. */
        @WithDefault("1h")
        String every();

        /** Labels moved in one transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Verification {
        /** Verification requests one client (IP address) may make per window. */
        @WithDefault("60")
        int requestsPerWindow();

        @WithDefault("1m")
        Duration window();
    }

    interface Signing {
        /**
         * A private key signing the receipts: a file holding a JWK (JSON, EC P-256 or RSA) or a
         * PKCS#8 PEM. When absent, a P-256 key is generated once and kept in the database.
         */
        Optional<String> keyLocation();

        /** The key id published in the JWKS, for a configured PEM key. */
        @WithDefault("labelling-receipts")
        String keyId();
    }

    interface Credentials {
        /** The issuer's name in credentials (the regulator). */
        @WithDefault("Autorité de labellisation de la pair-aidance")
        String issuerName();

        /** How long a credential-signing key is used before a new one replaces it (the old one stays published). */
        @WithDefault("P180D")
        Period keyLifetime();

        /** How long verifiers may cache a status list (Cache-Control max-age and the list's ttl). */
        @WithDefault("5m")
        Duration statusListMaxAge();
    }
}
