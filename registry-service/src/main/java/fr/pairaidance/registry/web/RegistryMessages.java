package fr.pairaidance.registry.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of registry-service's pages ({@code {msg:...}}); French in {@code messages/msg_fr.properties}, English in {@code msg_en.properties}. */
@MessageBundle(locale = "fr")
public interface RegistryMessages {

    @Message String homeTitle();
    @Message String homeIntro();
    @Message String homeWho();
    @Message String homeEmployers();
    @Message String homeVerify();
    @Message String homeAgencies();
    @Message String navFind();
    @Message String navVerify();
}
