package dev.tandem.constructs.k8s;

import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.access.PostgresWiring;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The app container's environment for its data (see {@link DataWiring} for the names and why):
 * the region and table variables as plain values, the credentials as references to the app's
 * Secret, whose values never appear in a manifest; likewise for a PostgreSQL database ({@link PostgresWiring}).
 * Internal: used by {@link AppManifests}.
 */
final class DataEnvironment {
    private DataEnvironment() {
    }

    /** @return the variables, or none when the app has no data */
    static List<EnvVar> of(AppSpec app) {
        List<EnvVar> env = new ArrayList<>();
        app.data().ifPresent(data -> {
            data.environment().forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value)
                    .build()));
            // A missing Secret keeps the pods from starting (CreateContainerConfigError): the region stays
            // out of rotation until the operator has created it, which is the safe way round.
            DataWiring.CREDENTIAL_VARIABLES.forEach(name -> env.add(new EnvVarBuilder().withName(name)
                    .withNewValueFrom().withNewSecretKeyRef().withName(app.awsCredentialsSecret()).withKey(name)
                    .endSecretKeyRef().endValueFrom().build()));
        });
        app.postgres().ifPresent(db -> {
            db.environment().forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value)
                    .build()));
            // As for AWS credentials: without the Secret the pods do not start, keeping the region out of rotation.
            PostgresWiring.SECRET_VARIABLES.forEach((name, key) -> env.add(new EnvVarBuilder().withName(name)
                    .withNewValueFrom().withNewSecretKeyRef().withName(db.secretName()).withKey(key)
                    .endSecretKeyRef().endValueFrom().build()));
        });
        return env;
    }
}
