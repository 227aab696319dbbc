package dev.tandem.constructs.core;

import com.hashicorp.cdktf.TerraformResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A resource's Terraform type, read on the Java side where it can be: every generated provider binding
 * carries it as the constant {@code TF_RESOURCE_TYPE}, while {@link TerraformResource#getTerraformResourceType()}
 * is a round trip into jsii's Node process for each resource. A resource made from the plain
 * {@link TerraformResource} class (such as {@code AwsResource}'s) has no constant and is asked.
 */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    /**
     * @param resource a resource of any provider
     * @return its Terraform type, e.g. {@code aws_dynamodb_table}
     */
    public static String of(TerraformResource resource) {
        try {
            Field constant = resource.getClass().getField("TF_RESOURCE_TYPE");
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class
                    && constant.get(null) instanceof String type) {
                return type;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // not a generated binding: ask the resource itself
        }
        return resource.getTerraformResourceType();
    }
}
