package fr.pairaidance.orientation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.orientation.persistence.SavedDiagnosis;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.rest.StrictJson;
import fr.pairaidance.platform.security.Caller;
import fr.pairaidance.platform.security.Roles;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Runs self-diagnoses; stores one only when a signed-in employer asks to save it. */
@ApplicationScoped
public class DiagnosisService {

    /** A stored diagnosis: its id and time, what was sent, what was estimated. */
    public record Saved(UUID id, Instant createdAt, DiagnosisInput input, Diagnosis result) {
    }

    private final SelfDiagnosis selfDiagnosis;
    private final ObjectMapper mapper;
    private final Clock clock;

    DiagnosisService(SelfDiagnosis selfDiagnosis, ObjectMapper mapper, Clock clock) {
        this.selfDiagnosis = selfDiagnosis;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Anonymous use: computes, stores nothing. */
    public Diagnosis run(DiagnosisInput input) {
        return selfDiagnosis.estimate(input);
    }

    @Transactional
    public Saved runAndSave(DiagnosisInput input, Caller caller) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!caller.has(Roles.EMPLOYER)) {
            throw ProblemException.forbidden("only a signed-in employer may save a self-diagnosis");
        }
        Diagnosis result = selfDiagnosis.estimate(input);
        SavedDiagnosis saved = new SavedDiagnosis();
        saved.id = UUID.randomUUID();
        saved.employerSubject = caller.subject();
        saved.createdAt = clock.instant();
        saved.input = write(input);
        saved.result = write(result);
        saved.persist();
        return new Saved(saved.id, saved.createdAt, input, result);
    }

    public List<Saved> saved(Caller caller) {
        return SavedDiagnosis.ofEmployer(caller.subject()).stream().map(s -> new Saved(s.id, s.createdAt,
                read(s.input, DiagnosisInput.class), read(s.result, Diagnosis.class))).toList();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diagnosis cannot be serialised", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return StrictJson.storedData(mapper, type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved diagnosis cannot be read", e);
        }
    }
}
