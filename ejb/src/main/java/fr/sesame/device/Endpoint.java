package fr.sesame.device;

import java.util.Objects;

/** A mail server as a client reaches it. */
public record Endpoint(String host, int port, Security security) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A host and a port from 1 to 65535: " + host + ":" + port);
        }
    }
}
