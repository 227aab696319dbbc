package dev.tandem.rehearsal.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB in one AWS region of the rehearsal: a dynalite process holding the region's copy of each table the
 * deployment names there, created as the provider creates the home table. The engines do not replicate to each
 * other (dynalite has one region), so the rehearsal measures no lost writes. Making the data unreachable stops
 * the process ({@code SIGSTOP}): connections are accepted by the kernel and then hang, as behind a partition,
 * which is worse for the app than a refused connection.
 */
public final class DataEngine implements AutoCloseable {
    private final String awsRegion;
    private final Dynalite engine;

    private DataEngine(String awsRegion, Dynalite engine) {
        this.awsRegion = awsRegion;
        this.engine = engine;
    }

    /** @return the engine for {@code awsRegion}, running, with {@code tables} created */
    public static DataEngine start(Path installation, String awsRegion, Collection<JsonNode> tables)
            throws IOException, InterruptedException {
        Dynalite engine = Dynalite.start(installation, awsRegion);
        try (DynamoDbClient admin = client(engine.endpoint(), awsRegion, Duration.ofSeconds(10))) {
            for (JsonNode table : tables) {
                admin.createTable(SynthesizedTableRequest.from(table));
            }
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return new DataEngine(awsRegion, engine);
    }

    /**
     * @param timeout the whole call's budget: below the health contract's timeout, as the DR report asks of the app
     * @return a client with the pods' wiring (their AWS_REGION) pointed at this engine, no retries
     */
    public DynamoDbClient client(Duration timeout) {
        return client(engine.endpoint(), awsRegion, timeout);
    }

    private static DynamoDbClient client(URI endpoint, String awsRegion, Duration timeout) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(awsRegion))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("rehearsal",
                        "rehearsal")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public String awsRegion() {
        return awsRegion;
    }

    /** Cuts the region's data off (the process stops; its socket stays open). */
    public void partition() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Ends {@link #partition()}. */
    public void heal() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(engine.pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + engine.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            heal();
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
        engine.close();
    }
}
