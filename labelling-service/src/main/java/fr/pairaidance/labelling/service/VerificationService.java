package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.LabelDecision;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.labelling.persistence.LabelVerificationRead;
import fr.pairaidance.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Answers "is this label valid, and was it on that day?" from the label and its audit trail: the
 * last decision in force that day, read with the dates it set. Today's answer is one statement
 * ({@link LabelVerificationRead}), kept in memory by {@link VerificationCache}; a past day also reads the trail.
 */
@ApplicationScoped
public class VerificationService {

    private final LabelLifecycle lifecycle;
    private final LabellingConfig config;
    private final VerificationCache labels;
    private final Pattern numberFormat;

    VerificationService(LabelLifecycle lifecycle, LabellingConfig config, VerificationCache labels) {
        this.lifecycle = lifecycle;
        this.labels = labels;
        this.config = config;
        this.numberFormat = Pattern.compile(Pattern.quote(config.labelNumberPrefix()) + "-[0-9]{4}-[0-9]{6}");
    }

    /**
     * @param number the label number, checked for its format
     * @param asOf   a day YYYY-MM-DD, not in the future; null for today
     */
    public Verification verify(String number, String asOf) {
        if (number == null || !numberFormat.matcher(number).matches()) {
            throw ProblemException.badRequest("number", "must be a label number like "
                    + config.labelNumberPrefix() + "-2026-000731");
        }
        LocalDate today = lifecycle.today();
        LocalDate day = parseDay(asOf, today);
        LabelVerificationRead.Row label = labels.byNumber(number)
                .orElseThrow(() -> ProblemException.notFound("Label", number));
        String name = label.holderName();
        // The domains are health data: shown only with the holder's consent (the read leaves them empty otherwise).
        Verification.Scope scope = new Verification.Scope(label.domains().isEmpty() ? null : label.domains(),
                label.appellations());
        LocalDate grantedOn = LocalDate.ofInstant(label.grantedAt(), config.timeZone());
        if (day.equals(today)) {
            LabelState state = LabelTimeline.stateOn(label.state(), label.expiresOn(), label.suspendedUntil(),
                    config.renewalWindow(), day);
            return new Verification(number, day, state.name(), state.isValid(), grantedOn, label.expiresOn(),
                    state == LabelState.SUSPENDED ? label.suspendedUntil() : null, scope, name);
        }
        LabelDecision inForce = null;
        for (LabelDecision d : LabelDecision.of(label.labelId())) {
            if (!d.effectiveOn.isAfter(day)) {
                inForce = d;
            }
        }
        if (inForce == null) {
            return new Verification(number, day, Verification.NOT_YET_GRANTED, false, null, null, null, scope, name);
        }
        LabelState state = LabelTimeline.stateOn(inForce.newState, inForce.expiresOn, inForce.suspendedUntil,
                config.renewalWindow(), day);
        return new Verification(number, day, state.name(), state.isValid(), grantedOn, inForce.expiresOn,
                state == LabelState.SUSPENDED ? inForce.suspendedUntil : null, scope, name);
    }

    private static LocalDate parseDay(String asOf, LocalDate today) {
        if (asOf == null || asOf.isBlank()) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(asOf.strip());
            if (day.isAfter(today)) {
                throw ProblemException.badRequest("asOf", "must not be after today (" + today + ")");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "must be a date YYYY-MM-DD");
        }
    }
}
