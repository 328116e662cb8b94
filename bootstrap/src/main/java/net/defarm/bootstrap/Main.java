package net.defarm.bootstrap;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import java.lang.System.Logger.Level;

/** Starts the service with the settings from {@code application.yaml} and the environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ServiceSettings settings;
        try {
            settings = ServiceSettings.load(Config.create(), System.getenv());
        } catch (IllegalArgumentException e) {
            System.getLogger(Main.class.getName()).log(Level.ERROR, "Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Service service = Service.start(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(service::close));
    }
}
