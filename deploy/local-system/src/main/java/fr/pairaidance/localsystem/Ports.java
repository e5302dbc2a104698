package fr.pairaidance.localsystem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Checks, before starting anything, that the fixed local ports are free. */
final class Ports {

    private Ports() {
    }

    /** @throws LocalSystemException if something already listens on localhost:{@code port} */
    static void requireFree(int port, String user, String option) {
        if (inUse(port)) {
            throw new LocalSystemException("Port " + port + " (" + user + ") is already in use: is an earlier"
                    + " run still alive, or another server? Stop it, or choose another port with -D"
                    + option + "=<port>");
        }
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
