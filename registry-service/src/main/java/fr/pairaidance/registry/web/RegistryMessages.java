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
    @Message String navSpace();
    @Message String navConsents();
    @Message String navLabel();
    @Message String navReceived();
    @Message String spaceTitle();
    @Message String withdrawnDone();
    @Message String registryNumber();
    @Message String status();
    @Message String statusActive();
    @Message String statusWithdrawn();
    @Message String publicName();
    @Message String zone();
    @Message String coreTraining();
    @Message String coreComplete();
    @Message String coreIncomplete();
    @Message String withdrawLink();
    @Message String noRecord();
    @Message String consentsTitle();
    @Message String consentsSaved(int version);
    @Message String easyTitle();
    @Message String easy1();
    @Message String easy2();
    @Message String easy3();
    @Message String easy4();
    @Message String whatNowTitle();
    @Message String nowListed();
    @Message String nowNothing();
    @Message String consentsLegend();
    @Message String consentTitle(String field);
    @Message String consentWhat(String field);
    @Message String consentsNewVersion();
    @Message String consentsSave();
    @Message String consentsRevokeAll();
    @Message String historyTitle();
    @Message String historyCaption();
    @Message String colVersion();
    @Message String colDate();
    @Message String noHistory();
    @Message String withdrawTitle();
    @Message String withdrawErasedTitle();
    @Message String withdrawErased1();
    @Message String withdrawErased2();
    @Message String withdrawErased3();
    @Message String withdrawErased4();
    @Message String withdrawKeptTitle();
    @Message String withdrawKept1(String number);
    @Message String withdrawKept2();
    @Message String withdrawFinal();
    @Message String withdrawConfirm();
    @Message String withdrawConfirmMissing();
    @Message String withdrawButton();
    @Message String withdrawCancel();
}
