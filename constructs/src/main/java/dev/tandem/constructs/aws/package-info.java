/**
 * Any hashicorp/aws resource or data source beside Tandem's constructs, without a generated binding:
 * {@link dev.tandem.constructs.aws.AwsResource} checks its type and arguments against the provider's
 * schema at the release Tandem pins, so a typo is a Tandem error at synth rather than at plan.
 */
package dev.tandem.constructs.aws;
