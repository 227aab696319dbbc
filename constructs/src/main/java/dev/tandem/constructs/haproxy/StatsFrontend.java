package dev.tandem.constructs.haproxy;

/**
 * The statistics page as a {@code frontend} of its own. Its password is never in the file written at
 * synth: that file names an environment variable, and the delivery puts the password in its place.
 *
 * @param bind             where it listens
 * @param allowedSource    the only network allowed to ask (CIDR): the operators'
 * @param user             login name
 * @param passwordVariable name of the placeholder {@code $NAME} written for the password
 */
public record StatsFrontend(Bind bind, String allowedSource, String user, String passwordVariable) {
}
