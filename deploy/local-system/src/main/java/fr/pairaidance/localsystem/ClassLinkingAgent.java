package fr.pairaidance.localsystem;

import java.lang.instrument.Instrumentation;

/**
 * Java agent loaded into a training start just before it stops ({@link ClassArchive#linkLoadedClasses}):
 * it links every class the JVM has loaded, so that the dynamic CDS archive written at exit holds them.
 * Asking a class for its declared members makes the JVM link it; the classes that this loads in turn
 * (the members' types) stay unlinked and out of the archive: no start needed them. Uses the JDK only:
 * it runs in the service's JVM.
 */
public final class ClassLinkingAgent {

    private ClassLinkingAgent() {
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        int linked = 0;
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.isArray() || loaded.isPrimitive() || loaded.isHidden()) {
                continue;
            }
            try {
                loaded.getDeclaredFields();
                loaded.getDeclaredConstructors();
                loaded.getDeclaredMethods();
                linked++;
            } catch (Throwable unlinkable) { // a missing dependency, a failed verification: left out
            }
        }
        System.err.println("[class-linking-agent] " + linked + " classes linked before the class archive is written");
    }
}
