package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.constructs.access.AccessLevel;
import dev.tandem.constructs.access.AppDataAccess;
import dev.tandem.constructs.access.TableGrant;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.RegionStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each region's app identity, evaluated as IAM would: the policy as Terraform and hashicorp/aws render it
 * in the offline plan ({@link OfflinePlan}), evaluated by iam-simulate ({@link IamSimulator}) for every
 * DynamoDB action (the Service Authorization Reference's list, from iam-data) on every resource type
 * the action accepts, in both regions, for our table and another, in our account and another.
 * Allowed must be exactly: the access level's actions on the region's own copy of the table, reads on
 * its indexes (and stream reads when granted) — the other region's replica included in "nothing else".
 *
 * <p>What the evaluator does not cover: service control and resource control policies of an AWS
 * Organization and permission boundaries (none exist here; they can only narrow), and condition keys
 * (the policy has none).
 */
class AppPolicyEvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_ACCOUNT = "444455556666";
    private static final List<String> REGIONS = List.of("eu-west-3", "eu-central-1");
    private static OfflineTerraform terraform;
    private static IamSimulator simulator;
    private static List<IamSimulator.Action> catalog;

    @BeforeAll
    static void findTools() throws Exception {
        terraform = OfflineTerraform.require("policy evaluation");
        simulator = IamSimulator.require();
        catalog = simulator.catalog("dynamodb");
    }

    /** A request and whether the deployment means it to be allowed. */
    private record Case(IamSimulator.Request request, boolean allowed) {
    }

    private static RegionStack stack(String name) {
        return SynthesizedDeployment.stacks().region(name).orElseThrow();
    }

    /** The policy the region's user gets, as the plan renders it. */
    private static JsonNode renderedPolicy(String stack) throws Exception {
        List<JsonNode> policies = OfflinePlan.of(terraform, stack).changes("aws_iam_user_policy");
        assertThat(policies).hasSize(1);
        return JSON.readTree(policies.get(0).path("change").path("after").path("policy").asText());
    }

    /** Every action × accepted resource type × region × table × account, with the intended verdict. */
    private static List<Case> cases(AppDataAccess access) {
        TableGrant grant = access.props().tables().get(0);
        List<Case> cases = new ArrayList<>();
        for (IamSimulator.Action action : catalog) {
            if (action.resources().isEmpty()) {
                cases.add(new Case(new IamSimulator.Request(action.name(), "*", OfflinePlan.ACCOUNT), false));
            }
            for (IamSimulator.ResourceType type : action.resources()) {
                for (String region : REGIONS) {
                    for (String table : List.of(grant.tableName(), "other-table")) {
                        for (String account : List.of(OfflinePlan.ACCOUNT, OTHER_ACCOUNT)) {
                            for (String index : type.type().equals("index") ? List.of("by-user", "other-index")
                                    : List.of("-")) {
                                String arn = type.arnPattern().replace("${Partition}", "aws").replace("${Region}", region)
                                        .replace("${Account}", account).replace("${TableName}", table)
                                        .replace("${GlobalTableName}", table).replace("${IndexName}", index)
                                        .replace("${StreamLabel}", "2026-11-26T00:00:00.000")
                                        .replace("${BackupName}", "b").replace("${ExportName}", "e")
                                        .replace("${ImportName}", "i");
                                boolean ours = region.equals(access.region()) && table.equals(grant.tableName())
                                        && account.equals(OfflinePlan.ACCOUNT);
                                boolean allowed = ours && switch (type.type()) {
                                    case "table" -> grant.access().level().tableActions().contains(action.name());
                                    case "index" -> grant.indexNames().contains(index)
                                            && AccessLevel.INDEX_ACTIONS.contains(action.name());
                                    case "stream" -> grant.access().streams()
                                            && AccessLevel.STREAM_ACTIONS.contains(action.name());
                                    default -> false;
                                };
                                cases.add(new Case(new IamSimulator.Request(action.name(), arn, account), allowed));
                            }
                        }
                    }
                }
            }
        }
        return cases;
    }

    /** @return every case whose evaluation differs from the intent, as "action on resource: result" */
    private static List<String> mismatches(String stack, JsonNode policy, List<Case> cases) throws Exception {
        String principal = "arn:aws:iam::" + OfflinePlan.ACCOUNT + ":user/tandem/tandem-" + stack;
        List<String> results = simulator.simulate(principal, policy, cases.stream().map(Case::request).toList());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String expected = c.allowed() ? "Allowed" : "ImplicitlyDenied";
            if (!results.get(i).equals(expected)) {
                out.add(c.request().action() + " on " + c.request().resource() + ": " + results.get(i)
                        + " (intended " + expected + ")");
            }
        }
        return out;
    }

    @Test
    void eachRegionsIdentityMayActOnItsOwnReplicaAndItsIndexesAndOnNothingElse() throws Exception {
        for (String stack : List.of("primary", "secondary")) {
            AppDataAccess access = stack(stack).dataAccess().orElseThrow();
            List<Case> cases = cases(access);

            assertThat(mismatches(stack, renderedPolicy(stack), cases)).as(stack).isEmpty();
            assertThat(cases).filteredOn(Case::allowed).extracting(c -> c.request().resource()).as(stack)
                    .allMatch(arn -> arn.startsWith("arn:aws:dynamodb:" + access.region() + ":" + OfflinePlan.ACCOUNT
                            + ":table/tandem-sessions"))
                    .contains("arn:aws:dynamodb:" + access.region() + ":" + OfflinePlan.ACCOUNT
                            + ":table/tandem-sessions/index/by-user");
            assertThat(cases).filteredOn(Case::allowed).extracting(c -> c.request().action())
                    .contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query")
                    .doesNotContain("dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:CreateBackup");
            assertThat(cases.stream().map(c -> c.request().action()).distinct().count())
                    .as("DynamoDB actions evaluated for " + stack).isEqualTo(catalog.size()).isGreaterThan(70);
        }
    }

    @Test
    void aPolicyThatAlsoReachesTheOtherRegionsReplicaIsCaught() throws Exception {
        AppDataAccess primary = stack("primary").dataAccess().orElseThrow();
        ObjectNode widened = (ObjectNode) renderedPolicy("primary").deepCopy();
        for (JsonNode statement : widened.path("Statement")) {
            JsonNode resource = statement.path("Resource");
            ArrayNode both = JSON.createArrayNode();
            (resource.isArray() ? resource : JSON.createArrayNode().add(resource)).forEach(r -> {
                both.add(r.asText());
                both.add(r.asText().replace(":eu-west-3:", ":eu-central-1:"));
            });
            ((ObjectNode) statement).set("Resource", both);
        }

        List<String> mismatches = mismatches("primary", widened, cases(primary));

        assertThat(mismatches).isNotEmpty().allMatch(m -> m.contains(":eu-central-1:") && m.endsWith(
                ": Allowed (intended ImplicitlyDenied)")).contains("dynamodb:GetItem on arn:aws:dynamodb:eu-central-1:"
                + OfflinePlan.ACCOUNT + ":table/tandem-sessions: Allowed (intended ImplicitlyDenied)");
    }
}
