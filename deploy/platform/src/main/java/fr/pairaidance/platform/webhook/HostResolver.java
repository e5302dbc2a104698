package fr.pairaidance.platform.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves an endpoint's host to its addresses; replaced by a stub in the address guard's tests. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver (an IP literal is parsed, not looked up). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
