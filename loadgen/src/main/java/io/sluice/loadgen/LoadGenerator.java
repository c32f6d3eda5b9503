package io.sluice.loadgen;

import io.sluice.loadgen.api.ApiLoad;
import io.sluice.loadgen.kafka.KafkaBaseline;
import io.sluice.loadgen.kafka.SessionHistory;
import io.sluice.loadgen.rtmp.ConnectStorm;
import io.sluice.loadgen.rtmp.RtmpLoad;
import java.util.Arrays;

/**
 * {@code java -jar loadgen.jar rtmp|storm|api|kafka|sessions [--option value ...]}: the RTMP publish load
 * generator, a storm of new encoders connecting, the auth API load client, the bare Kafka producer that gives
 * the ingest's figures their floor, or a past stretch of session history for an ingest start to sweep;
 * {@code --help} after a command lists its options.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        Options options;
        try {
            options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
            switch (command) {
                case "rtmp" -> RtmpLoad.declare(options);
                case "storm" -> ConnectStorm.declare(options);
                case "api" -> ApiLoad.declare(options);
                case "kafka" -> KafkaBaseline.declare(options);
                case "sessions" -> SessionHistory.declare(options);
                default -> throw new Options.UsageException(command.isEmpty() ? "a command is needed"
                        : "unknown command " + command);
            }
            if (options.helpWanted()) {
                System.out.println("java -jar loadgen.jar " + command + " [options]");
                System.out.print(options.describe());
                return;
            }
            options.rejectUnknown();
            int status = switch (command) {
                case "rtmp" -> RtmpLoad.run(options);
                case "storm" -> ConnectStorm.run(options);
                case "kafka" -> KafkaBaseline.run(options);
                case "sessions" -> SessionHistory.run(options);
                default -> runApi(options);
            };
            System.exit(status);
        } catch (Options.UsageException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.println("usage: java -jar loadgen.jar rtmp|storm|api|kafka|sessions [--option value ...]; --help lists the options");
            System.exit(2);
        }
    }

    private static int runApi(Options options) throws Exception {
        ApiLoad.run(options);
        return 0;
    }
}
