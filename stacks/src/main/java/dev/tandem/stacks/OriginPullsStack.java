package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import software.constructs.Construct;

/**
 * The zone's origin-pull client CA, its client certificate and their upload ({@link OriginPullTrust}), in a stack
 * of their own that is applied first: each region stack reads the CA certificates from it (a cross-stack
 * reference) to deliver them as HAProxy's {@code ca-file}, so neither region depends on the other, and the edge,
 * which depends on the regions, cannot hold it without a cycle. Its state holds the CA keys.
 */
public class OriginPullsStack extends TerraformStack {
    private final OriginPullTrust trust;

    /** Made by {@link DeploymentStacks#build}. */
    OriginPullsStack(Construct scope, DeploymentSpec deployment) {
        super(Scopes.checked(scope, deployment.edge().originPullsStackName(), "OriginPullsStack"),
                deployment.edge().originPullsStackName());
        deployment.backend().applyTo(this);
        // Reads CLOUDFLARE_API_TOKEN: the upload and the setting need Zone → SSL and Certificates → Edit.
        CloudflareProvider.Builder.create(this, "cloudflare").build();
        TlsProvider.Builder.create(this, "tls").build();
        this.trust = OriginPullTrust.Builder.create(this, "origin-pulls")
                .zoneId(deployment.edge().zoneId())
                .commonName(deployment.appName() + " origin-pull CA")
                .build();
    }

    /** @return the zone's origin-pull client CA, which every region's tier trusts and the edge's zone presents */
    public OriginPullTrust trust() {
        return trust;
    }
}
