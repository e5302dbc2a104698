package fr.pairaidance.registry;

import fr.pairaidance.localstack.testing.ServiceTestProfile;

/** Real PostgreSQL (database registry), Kafka and the OIDC test server. */
public class RegistryTestProfile extends ServiceTestProfile {

    @Override
    protected String database() {
        return "registry";
    }
}
