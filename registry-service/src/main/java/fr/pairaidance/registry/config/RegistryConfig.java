package fr.pairaidance.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of registry-service. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Prefix of public registry numbers, e.g. PA in PA-2026-004213. */
    @WithDefault("PA")
    String registryNumberPrefix();

    /** Largest page a search returns. */
    @WithDefault("100")
    int maxPageSize();

    Import importJobs();

    interface Import {
        /** Rows written per transaction by a bulk import. */
        @WithDefault("500")
        int batchSize();

        /** Largest number of rows one CSV may hold. */
        @WithDefault("200000")
        int maxRows();

        /** Size of the pieces an uploaded CSV is stored and read back in (its largest size is the platform's max-body-size). */
        @WithDefault("1048576")
        int chunkBytes();
    }
}
