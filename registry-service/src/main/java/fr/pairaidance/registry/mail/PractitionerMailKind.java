package fr.pairaidance.registry.mail;

import fr.pairaidance.platform.mail.MailKind;

/** The mails registry-service sends to practitioners, from the events of the other services. */
public enum PractitionerMailKind implements MailKind {
    REQUEST_RECEIVED(true),
    LABEL_GRANTED(false),
    APPLICATION_REFUSED(false),
    APPEAL_DECIDED(false),
    LABEL_SUSPENDED(false),
    LABEL_REINSTATED(false),
    LABEL_REVOKED(false),
    RENEWAL_DUE(true),
    LABEL_EXPIRED(true);

    private final boolean optional;

    PractitionerMailKind(boolean optional) {
        this.optional = optional;
    }

    @Override
    public boolean optional() {
        return optional;
    }
}
