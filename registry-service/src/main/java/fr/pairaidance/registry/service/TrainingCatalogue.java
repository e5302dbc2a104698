package fr.pairaidance.registry.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The versioned catalogue of training modules ({@code training-catalogue.json}): the common core in
 * two halves (the helping relationship and experiential knowledge; the practical frame) and one
 * specialisation module per lived-experience domain.
 */
@Singleton
public class TrainingCatalogue {

    public enum Part { CORE, SPECIALISATION }

    public record Module(String code, Part part, Integer half, String domain, String fr, String en, int hours) {
    }

    public record Catalogue(String version, List<Module> modules) {
    }

    private final Catalogue catalogue;
    private final Map<String, Module> byCode;
    private final Set<String> coreCodes;

    public TrainingCatalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("training-catalogue.json")) {
            catalogue = new ObjectMapper().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byCode = catalogue.modules().stream().collect(Collectors.toUnmodifiableMap(Module::code, Function.identity()));
        coreCodes = catalogue.modules().stream().filter(m -> m.part() == Part.CORE).map(Module::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public String version() {
        return catalogue.version();
    }

    public Optional<Module> module(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Core modules not covered by the given module codes, in catalogue order. */
    public List<String> missingCore(Collection<String> covered) {
        return catalogue.modules().stream().filter(m -> m.part() == Part.CORE && !covered.contains(m.code()))
                .map(Module::code).toList();
    }

    public Set<String> coreCodes() {
        return coreCodes;
    }
}
