/**
 * The app's access to its data: {@link AppDataAccess}, one region's IAM identity scoped to that region's copy
 * of each table ({@link TableGrant}, {@link TableAccess}), its access keys ({@link AccessKey}) and the
 * environment its pods get ({@link DataWiring}).
 *
 * <h2>AppDataAccess: sources and decisions</h2>
 *
 * <h3>Why an IAM user with an access key</h3>
 * OVH Managed Kubernetes offers no service-account issuer AWS could federate with (its OIDC setting
 * configures user sign-in to the API server, and the issuer is neither configurable nor documented
 * as public), so the pods cannot assume a role with web identity. IAM Roles Anywhere would give
 * one-hour session credentials, but it needs a certificate authority — AWS Private CA at a monthly
 * fee, or a CA whose private key would then sit in Terraform state and could mint identities —
 * plus a client certificate and key in the cluster and AWS's signing helper in every image or as a
 * sidecar: the cluster would still hold a long-lived private key. An access key needs none of that,
 * works with every SDK's default credential chain, and is statically stable: authentication with an
 * existing key keeps working when IAM's control plane (one, in us-east-1) is impaired (IAM User Guide,
 * "Resilience in IAM"; AWS Fault Isolation Boundaries, appendix A). Its costs are a long-lived secret,
 * held in Terraform state (keep the state encrypted and access-controlled) and in one Kubernetes
 * Secret per region, mitigated by this scope (one region's replica), one identity per region (revoke
 * one region without touching the other) and a rotation with no downtime ({@link AccessKey}).
 *
 * <h3>Destroying</h3>
 * The identity outlives its data: the user and its policy carry {@code lifecycle.prevent_destroy} while
 * any table or replica it is granted is guarded (so a plan that would revoke the app's credentials fails
 * as the data's does), and each granted copy in this stack {@code depends_on} the user, the policy and
 * the keys, so a teardown destroys the copy first and stops there if the copy's destroy fails. Access
 * keys themselves are not guarded: removing one from {@code accessKeys} is the last step of a rotation.
 */
package dev.tandem.constructs.access;
