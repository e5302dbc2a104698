package fr.pairaidance.localsystem;

/** One of the Quarkus services: its Maven module (and application) name, HTTP port and database. */
record ServiceDefinition(String name, int port, String database) {

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
