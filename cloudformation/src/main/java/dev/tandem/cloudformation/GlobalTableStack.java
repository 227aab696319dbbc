package dev.tandem.cloudformation;

import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.GlobalTableValidation;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * An AWS CDK stack in the table's home region holding one DynamoDB global table
 * ({@code AWS::DynamoDB::GlobalTable}, through {@link TableV2}) rendered from the same
 * {@link GlobalTableProps} the Terraform {@code GlobalTable} takes: one description, two renderings.
 *
 * <p>Unlike the Terraform rendering, CloudFormation can set deletion protection and table class per
 * replica, so those overrides are accepted here; every other rule of
 * {@link GlobalTableValidation#validate} applies as in Terraform.
 *
 * <pre>{@code
 * App app = new App();
 * new GlobalTableStack(app, "orders", ordersProps);
 * app.synth();   // cdk.out/orders.template.json
 * }</pre>
 */
public class GlobalTableStack extends Stack {
    /** The table's construct id in the stack. */
    public static final String TABLE_ID = "table";

    private final GlobalTableProps props;
    private final TableV2 table;

    /**
     * Creates the stack; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem.
     *
     * @param scope the CDK app
     * @param id    stack id, also its CloudFormation stack name
     * @param props the table's description
     */
    public GlobalTableStack(Construct scope, String id, GlobalTableProps props) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().region(props.region()).build())
                // A template with no bootstrap parameter or rule: it deploys as it is through
                // CloudFormation (StackSets, change sets) as well as with `cdk deploy`.
                .synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build())
                .build());
        GlobalTableValidation.validate(getNode().getPath() + "/" + TABLE_ID, props);
        this.props = props;
        this.table = TableV2Rendering.render(this, TABLE_ID, props);
    }

    /** @return the description the table was rendered from */
    public GlobalTableProps props() {
        return props;
    }

    /** @return the CDK table (escape hatch) */
    public TableV2 table() {
        return table;
    }
}
