package dev.tandem.cloudformation;

import dev.tandem.constructs.core.AwsRegions;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.GlobalTableValidation;
import dev.tandem.constructs.table.TableReplicaProps;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * An AWS CDK stack in the table's home region holding one DynamoDB global table
 * ({@code AWS::DynamoDB::GlobalTable}, through {@link TableV2}) rendered from the same
 * {@link GlobalTableProps} and {@link TableReplicaProps} the Terraform {@code GlobalTable} and
 * {@code TableReplica} take: one description, two renderings. The same rules apply
 * ({@link GlobalTableValidation}).
 *
 * <pre>{@code
 * App app = new App();
 * GlobalTableStack.Builder.create(app, "orders")
 *     .table(ordersProps)
 *     .homeRegion("eu-west-3")
 *     .replicas(Map.of("eu-central-1", TableReplicaProps.builder().build()))
 *     .build();
 * app.synth();   // cdk.out/orders.template.json
 * }</pre>
 */
public class GlobalTableStack extends Stack {
    /** The table's construct id in the stack. */
    public static final String TABLE_ID = "table";

    private final GlobalTableProps props;
    private final TableV2 table;

    private GlobalTableStack(Construct scope, String id, GlobalTableProps props, String homeRegion,
            Map<String, TableReplicaProps> replicas) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().region(homeRegion).build())
                // A template with no bootstrap parameter or rule: it deploys as it is through
                // CloudFormation (StackSets, change sets) as well as with `cdk deploy`.
                .synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build())
                .build());
        this.props = props;
        this.table = TableV2Rendering.render(this, TABLE_ID, props, replicas);
    }

    /** @return the description the table was rendered from */
    public GlobalTableProps props() {
        return props;
    }

    /** @return the CDK table (escape hatch) */
    public TableV2 table() {
        return table;
    }

    /** Fluent creation: {@code GlobalTableStack.Builder.create(app, id).table(…).homeRegion(…).replicas(…).build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private GlobalTableProps table;
        private String homeRegion;
        private Map<String, TableReplicaProps> replicas = Map.of();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the CDK app
         * @param id    stack id, also its CloudFormation stack name
         * @return a builder
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /**
         * @param value the table's description (required)
         * @return this builder
         */
        public Builder table(GlobalTableProps value) {
            this.table = value;
            return this;
        }

        /**
         * @param value the AWS region the stack and the table live in (required)
         * @return this builder
         */
        public Builder homeRegion(String value) {
            this.homeRegion = value;
            return this;
        }

        /**
         * @param value each replica's region and its settings; @default none
         * @return this builder
         */
        public Builder replicas(Map<String, TableReplicaProps> value) {
            this.replicas = value;
            return this;
        }

        /**
         * @return the stack
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public GlobalTableStack build() {
            Problems p = new Problems((id == null ? "GlobalTableStack" : id) + "/" + TABLE_ID);
            p.present(scope, "scope", "pass the CDK App");
            p.require(AwsRegions.isValid(homeRegion), "homeRegion", homeRegion, "must be an AWS region",
                    "use e.g. eu-west-3");
            GlobalTableValidation.validate(new GlobalTableValidation.Context(Optional.ofNullable(homeRegion)), table, p);
            Map<String, TableReplicaProps> sorted = Values.sortedMap(replicas);
            if (p.present(sorted, "replicas", "pass Map.of() for none")) {
                sorted.forEach((region, replica) -> {
                    Problems at = p.nested("replicas[" + region + "]");
                    at.require(AwsRegions.isValid(region) && !region.equals(homeRegion), "region", region,
                            "must be an AWS region other than the home region", "use e.g. eu-central-1");
                    GlobalTableValidation.validate(
                            new GlobalTableValidation.ReplicaContext(table, Optional.ofNullable(region)), replica, at);
                });
            }
            p.throwIfAny();
            return new GlobalTableStack(scope, id, table, homeRegion, sorted);
        }
    }
}
