package dev.tandem.constructs.access;

import java.util.List;

/**
 * One {@code Allow} statement of a region's app policy: the actions, on exactly the listed resources.
 *
 * @param sid       the statement id, letters and digits
 * @param actions   the DynamoDB actions, sorted
 * @param resources the resource ARNs (in the construct, partition and account are Terraform references)
 */
public record PolicyStatement(String sid, List<String> actions, List<String> resources) {

    /** Copies the lists. */
    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
