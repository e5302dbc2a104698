package fr.pairaidance.localsystem;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Demo practitioners for -Ddemo, registered through registry-service's API with a registry-agent
 * token (the agency's service account). The API is not final: adjust {@link #PRACTITIONERS} and
 * {@link #PRACTITIONERS_PATH} when it changes. A failure is reported, never fatal.
 */
final class DemoData {

    static final String PRACTITIONERS_PATH = "/api/v1/practitioners";

    /** Registration bodies as of registry-service's PractitionerInput (givenName, familyName, ...). */
    static final List<String> PRACTITIONERS = List.of(
            """
            {"givenName":"Camille","familyName":"Martin","birthDate":"1986-03-14","email":"camille@pairaidance.test",
             "phone":"+33612345678","communeCode":"69123","domains":["MENTAL_HEALTH","ADDICTION"],
             "appellations":["PAIR_AIDANT"],"modes":["SELF_EMPLOYED"],"siret":"73282932000074",
             "formats":["ONE_TO_ONE","PEER_GROUP"],"languages":["fr","en"],"remote":true}
            """,
            """
            {"givenName":"Dominique","familyName":"Bernard","birthDate":"1979-11-02","email":"dominique@pairaidance.test",
             "communeCode":"75056","domains":["CHRONIC_ILLNESS"],"appellations":["PATIENT_EXPERT"],
             "modes":["SALARIED"],"employerName":"Association Entraide","formats":["PEER_GROUP"],
             "languages":["fr"],"remote":false}
            """,
            """
            {"givenName":"Sacha","familyName":"Petit","birthDate":"1992-07-21","email":"sacha@pairaidance.test",
             "communeCode":"13055","domains":["FAMILY_CAREGIVING","BEREAVEMENT"],"appellations":["PAIR_AIDANT"],
             "modes":["VOLUNTEER"],"formats":["ONE_TO_ONE"],"languages":["fr","ar"],"remote":true}
            """);

    private DemoData() {
    }

    /** The -Ddemo hook: POSTs the demo practitioners to registry-service if it is up. */
    static void loadPractitioners(LocalOptions options, ServiceDefinition registry, boolean registryReady) {
        if (!registryReady) {
            Console.info("Demo data skipped: " + registry.name() + " is not running");
            return;
        }
        String token;
        try {
            token = DemoAccounts.token(options, DemoAccounts.AGENCY);
        } catch (IOException e) {
            Console.error("Demo data skipped: " + e.getMessage());
            return;
        }
        String url = registry.baseUrl() + PRACTITIONERS_PATH;
        int created = 0;
        for (int i = 0; i < PRACTITIONERS.size(); i++) {
            try {
                HttpResponse<String> response = Http.postJson(url, token, "demo-practitioner-" + (i + 1),
                        PRACTITIONERS.get(i).strip());
                if (response.statusCode() / 100 == 2) {
                    created++;
                } else if (response.statusCode() == 409) {
                    Console.info("Demo practitioner " + (i + 1) + " already registered (HTTP 409)");
                } else {
                    Console.info("Demo practitioner refused by POST " + url + ": HTTP " + response.statusCode()
                            + " " + abbreviate(response.body()) + " (the API may have changed: see DemoData)");
                }
            } catch (IOException e) {
                Console.error("Demo practitioner not sent to " + url + ": " + e.getMessage());
            }
        }
        Console.info("Demo data: " + created + " of " + PRACTITIONERS.size() + " practitioners registered");
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
