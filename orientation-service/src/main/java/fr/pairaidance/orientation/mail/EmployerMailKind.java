package fr.pairaidance.orientation.mail;

import fr.pairaidance.platform.mail.MailKind;

/** The mails orientation-service sends to employers about their requests; each may be turned off. */
public enum EmployerMailKind implements MailKind {
    REQUEST_ACCEPTED,
    REQUEST_DECLINED,
    REQUEST_EXPIRED;

    @Override
    public boolean optional() {
        return true;
    }
}
