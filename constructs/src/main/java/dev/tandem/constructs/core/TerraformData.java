package dev.tandem.constructs.core;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import java.util.Map;
import software.constructs.Construct;

/**
 * Terraform's built-in {@code terraform_data} resource (Terraform 1.4 and later, provider
 * {@code terraform.io/builtin/terraform}, which needs no {@code required_providers} entry): it holds
 * no infrastructure, is replaced whenever {@code triggers_replace} changes, and runs its provisioners
 * when created. cdktf 0.19.2 has no class for it.
 *
 * <pre>{@code
 * new TerraformData(scope, "delivery", Map.of("config", Fn.sha256(configText)),
 *     TerraformResourceConfig.builder().connection(ssh).provisioners(steps).dependsOn(List.of(instance)));
 * }</pre>
 */
public class TerraformData extends TerraformResource {
    /** The resource type name Terraform knows it by. */
    public static final String TYPE = "terraform_data";

    /**
     * @param scope           parent construct
     * @param id              construct id
     * @param triggersReplace values whose change replaces the resource (and so runs its provisioners again)
     * @param meta            meta-arguments (connection, provisioners, dependsOn, lifecycle); its resource
     *                        type is set here
     */
    public TerraformData(Construct scope, String id, Map<String, String> triggersReplace,
            TerraformResourceConfig.Builder meta) {
        super(Scopes.checked(scope, id, "TerraformData"), id, meta.terraformResourceType(TYPE).build());
        addOverride("triggers_replace", triggersReplace);
    }
}
